# Spec 61: rebinding gc.garbage does not redirect the collector; SAVEALL still fills the original list.
import gc
gc.disable()
gc.collect()
original = gc.garbage
gc.garbage = []
l = []
l.append(l)
del l
gc.set_debug(gc.DEBUG_SAVEALL)
n = gc.collect()
gc.set_debug(0)
print("collect: %d" % n)
print("new list: %d items" % len(gc.garbage))
print("original list: %d items" % len(original))
print("saved object is a self-list: %s" % (original[0][0] is original[0]))
gc.garbage = original
del original[:]
print("after restoring and clearing: %d" % gc.collect())
