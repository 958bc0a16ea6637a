# WeakKeyDictionary.keyrefs(): weakrefs to the keys; they die with the keys, and the dict shrinks.
import weakref
class Obj(object):
    def __init__(self, name):
        self.name = name
a, b, c = Obj('a'), Obj('b'), Obj('c')
d = weakref.WeakKeyDictionary({a: 1, b: 2, c: 3})
refs = d.keyrefs()
print("keyrefs: %d, all refs: %s" % (len(refs), all(isinstance(r, weakref.ref) for r in refs)))
print("names: %r" % sorted(r().name for r in refs))
print("ref is a key: %s" % all(r() in d for r in refs))
del b
print("dead refs: %d, len(d): %d" % (len([r for r in refs if r() is None]), len(d)))
print("live names: %r" % sorted(r().name for r in d.keyrefs()))
print("values: %r" % sorted(d.values()))
print("items: %r" % sorted((k.name, v) for k, v in d.items()))
del a, c
print("after deleting the rest: %d %r" % (len(d), list(d.keys())))
