# A leak through a module-level cache: an early return forgets to remove the object.
# Find it with objgraph: growth shows the new OBJ, a backref chain shows who holds it.
import gc, objgraph

_cache = []

class OBJ(object):
    pass

def func_to_leak():
    o = OBJ()
    _cache.append(o)
    if True:          # oops: returns before cleaning up
        return
    _cache.remove(o)

objgraph.growth(limit=None)
func_to_leak()
print(objgraph.growth(limit=None))
chain = objgraph.find_backref_chain(objgraph.by_type('OBJ')[0], objgraph.is_proper_module)
print(" -> ".join(type(x).__name__ for x in chain))
