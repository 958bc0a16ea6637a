# seed 05 variation: the leak goes into a module-level dict keyed by request number; growth and chain find it.
import gc, objgraph
_cache = {}
class OBJ(object):
    pass
def handle(n):
    o = OBJ()
    _cache[n] = o
    if n % 2:
        return
    del _cache[n]
objgraph.growth(limit=None)
for n in range(6):
    handle(n)
grown = [(name, delta) for name, total, delta in objgraph.growth(limit=None) if name == 'OBJ']
print("growth of OBJ: %r" % grown)
print("leaked keys: %r" % sorted(_cache.keys()))
chain = objgraph.find_backref_chain(objgraph.by_type('OBJ')[0], objgraph.is_proper_module)
print("chain types: %s" % " -> ".join(type(x).__name__ for x in chain))
print("second to last is the cache: %s" % (chain[-2] is _cache))
