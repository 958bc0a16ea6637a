# WeakValueDictionary.valuerefs(): weakrefs to the values, each carrying its key; the values themselves stay weak.
import weakref
class Obj(object):
    def __init__(self, name):
        self.name = name
a, b = Obj('a'), Obj('b')
d = weakref.WeakValueDictionary({1: a, 2: b})
refs = d.valuerefs()
print("valuerefs: %d, all weakrefs: %s" % (len(refs), all(isinstance(r, weakref.ref) for r in refs)))
print("referents: %r" % sorted(r().name for r in refs))
print("keys carried by the refs: %r" % sorted(r.key for r in refs))
del a
print("dead valueref count: %d" % len([r for r in refs if r() is None]))
print("len(d): %d" % len(d))
