# WeakValueDictionary built and updated from keywords, pairs and mappings; 'self' and 'other' as keys; bad values.
import weakref
class Obj(object):
    def __init__(self, name):
        self.name = name
a, b, c = Obj('a'), Obj('b'), Obj('c')
def show(label, d):
    print("%s: %r" % (label, sorted((str(k), v.name) for k, v in d.items())))
show("keywords", weakref.WeakValueDictionary(x=a, y=b))
show("mapping and keywords", weakref.WeakValueDictionary({1: a}, z=c))
show("pairs", weakref.WeakValueDictionary([(2, b), (3, c)]))
d = weakref.WeakValueDictionary(self=a)
show("self as a key", d)
d.update(other=b, self=c)
show("update with self/other keys", d)
d.update([(4, a)], w=b)
show("update with pairs and keywords", d)
for label, call in [("int value", lambda: weakref.WeakValueDictionary({1: 3})),
                    ("two positionals", lambda: weakref.WeakValueDictionary({}, {})),
                    ("update(1)", lambda: d.update(1))]:
    try:
        call()
        print("%s: ok" % label)
    except TypeError as e:
        print("%s: TypeError: %s" % (label, e))
del a
show("after a died", d)
