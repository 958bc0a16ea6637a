# test_gc.test_saveall: with DEBUG_SAVEALL a collected self-list lands in gc.garbage (same id).
import gc
gc.disable()
gc.collect()
print("garbage empty at start: %s" % (gc.garbage == []))
L = []
L.append(L)
id_L = id(L)
gc.set_debug(gc.DEBUG_SAVEALL)
del L
print("collect: %d" % gc.collect())
gc.set_debug(0)
print("garbage length: %d" % len(gc.garbage))
obj = gc.garbage.pop()
print("same object: %s" % (id(obj) == id_L))
print("still a self-loop: %s" % (obj[0] is obj))
del obj
print("collect after pop: %d" % gc.collect())
