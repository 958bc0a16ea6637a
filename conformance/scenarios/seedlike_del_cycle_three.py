# seed 06 variation: a 3-cycle of __del__ objects: 2.7 keeps all three in gc.garbage, 3.12 finalizes them.
import gc, objgraph
class OBJ(object):
    def __del__(self):
        print('Dangerous!')
def show_leak_by_del():
    a, b, c = OBJ(), OBJ(), OBJ()
    a.attr = b
    b.attr = c
    c.attr = a
gc.disable()
gc.collect()
show_leak_by_del()
print("collect: %d" % gc.collect())
print("OBJ alive: %d" % objgraph.count('OBJ'))
print("gc.garbage: %s" % sorted(type(x).__name__ for x in gc.garbage))
