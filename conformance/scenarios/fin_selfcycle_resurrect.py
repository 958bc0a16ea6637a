# Spec 42: a self-cycle whose __del__ resurrects it: 3.12 returns 0 and never calls __del__ again; 2.7 parks it in gc.garbage.
import gc, weakref
gc.disable()
gc.collect()
survivors = []
class SelfCycleResurrector(object):
    def __init__(self):
        self.ref = self
    def __del__(self):
        print("__del__ called")
        survivors.append(self)
s = SelfCycleResurrector()
wr = weakref.ref(s)
del s
print("collect: %d" % gc.collect())
print("survivors: %d, in gc.garbage: %d, weakref dead: %s" % (len(survivors), len(gc.garbage), wr() is None))
del survivors[:]
print("collect after clearing survivors: %d" % gc.collect())
print("survivors: %d, in gc.garbage: %d" % (len(survivors), len(gc.garbage)))
