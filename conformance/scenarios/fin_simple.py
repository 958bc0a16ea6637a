# test_finalization SimpleFinalizationTest.test_simple: a non-cyclic object is finalized at del; collect finds nothing.
import gc, weakref
gc.disable()
gc.collect()
class Simple(object):
    def __del__(self):
        print("__del__ called")
s = Simple()
wr = weakref.ref(s)
print("deleting")
del s
print("weakref dead: %s" % (wr() is None))
print("collect: %d" % gc.collect())
print("collect again: %d" % gc.collect())
