# seeds 05+09 combined: a WeakValueDictionary cache does not keep objects alive, so nothing leaks.
import gc, weakref, objgraph
class OBJ(object):
    pass
_cache = weakref.WeakValueDictionary()
def lookup(key):
    o = _cache.get(key)
    if o is None:
        o = OBJ()
        _cache[key] = o
    return o
gc.disable()
gc.collect()
objgraph.growth(limit=None)
kept = lookup('a')
for k in ['b', 'c', 'a', 'd']:
    lookup(k)
grown = [(name, delta) for name, total, delta in objgraph.growth(limit=None) if name == 'OBJ']
print("growth of OBJ: %r" % grown)
print("cache keys: %r" % sorted(_cache.keys()))
print("same object for 'a': %s" % (lookup('a') is kept))
del kept
print("cache keys after dropping 'a': %r" % sorted(_cache.keys()))
