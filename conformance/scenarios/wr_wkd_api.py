# WeakKeyDictionary API: setitem/getitem/get/in/pop/setdefault/update/keys/items/copy, and keys that cannot be weak.
import weakref
class Obj(object):
    def __init__(self, name):
        self.name = name
a, b, c = Obj('a'), Obj('b'), Obj('c')
d = weakref.WeakKeyDictionary()
d[a] = 1
d[b] = 2
print("len: %d" % len(d))
print("d[a]: %d, get(c): %r, get(c, 0): %r" % (d[a], d.get(c), d.get(c, 0)))
print("a in d: %s, c in d: %s, 1 in d: %s" % (a in d, c in d, 1 in d))
print("setdefault(c, 3): %d" % d.setdefault(c, 3))
print("setdefault(c, 4): %d" % d.setdefault(c, 4))
print("keys: %r" % sorted(k.name for k in d.keys()))
print("items: %r" % sorted((k.name, v) for k, v in d.items()))
print("values: %r" % sorted(d.values()))
print("pop(b): %d, len %d" % (d.pop(b), len(d)))
try:
    d[b]
except KeyError as e:
    print("missing: KeyError whose argument is a weakref to b: %s" % (e.args[0]() is b))
d.update({b: 20})
print("after update: %r" % sorted((k.name, v) for k, v in d.items()))
cp = d.copy()
print("copy: %s %d" % (type(cp).__name__, len(cp)))
try:
    d[1] = 'x'
except TypeError as e:
    print("int key: TypeError: %s" % e)
del d[a]
print("after del d[a]: %r" % sorted(k.name for k in d.keys()))
