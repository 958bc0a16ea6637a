# seed 03 variation: 10 self-referencing instances left behind by a function, counted then collected.
import gc, objgraph
class OBJ(object):
    pass
def direct_cycle_reference():
    a = OBJ()
    a.attr = a
gc.disable()
gc.collect()
for i in range(10):
    direct_cycle_reference()
print("OBJ alive: %d" % objgraph.count('OBJ'))
print("collected: %d" % gc.collect())
print("OBJ alive after collect: %d" % objgraph.count('OBJ'))
