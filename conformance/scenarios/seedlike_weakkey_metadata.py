# seed 11 variation: metadata kept in a WeakKeyDictionary disappears with its key object, even when the key sits in a cycle.
import gc, weakref
class Doc(object):
    def __init__(self, title):
        self.title = title
meta = weakref.WeakKeyDictionary()
gc.disable()
gc.collect()
a, b = Doc('a'), Doc('b')
meta[a] = {'views': 1}
meta[b] = {'views': 2}
print("entries: %d" % len(meta))
print("a views: %d" % meta[a]['views'])
del a
print("entries after del a: %d" % len(meta))
b.self_ref = b
del b
print("entries with b in a cycle: %d" % len(meta))
print("collect: %d" % gc.collect())
print("entries after collect: %d" % len(meta))
c = Doc('c')
meta[c] = {'owner': c}
del c
print("value refers to key: %d" % len(meta))
print("collect: %d" % gc.collect())
print("entries: %d" % len(meta))
