# seed 04 variation: three instances in a ring (a -> b -> c -> a), 20 rings; backref chain has no module root.
import gc, objgraph
class OBJ(object):
    pass
def triangle():
    a, b, c = OBJ(), OBJ(), OBJ()
    a.next = b
    b.next = c
    c.next = a
gc.disable()
gc.collect()
for _ in range(20):
    triangle()
print("OBJ count: %d" % objgraph.count('OBJ'))
ret = objgraph.find_backref_chain(objgraph.by_type('OBJ')[0], objgraph.is_proper_module)
print("chain length (pure cycle): %d" % len(ret))
del ret
gc.collect()
print("OBJ count after collect: %d" % objgraph.count('OBJ'))
