# seed 07 variation: DEBUG_SAVEALL with a list <-> dict cycle and an instance hanging off it.
import gc
class OBJ(object):
    pass
def make():
    l = []
    d = {'list': l, 'obj': OBJ()}
    l.append(d)
gc.disable()
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
make()
print("collect: %d" % gc.collect())
gc.set_debug(0)
print("garbage types: %s" % sorted(type(o).__name__ for o in gc.garbage))
del gc.garbage[:]
print("after clearing garbage: %d" % gc.collect())
