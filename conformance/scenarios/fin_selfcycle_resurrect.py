# profiles: 3.12
# Spec 42: a self-cycle whose __del__ resurrects it: collect returns 0, weakref is dead, no second __del__.
import gc, weakref
gc.disable()
gc.collect()
survivors = []
class SelfCycleResurrector:
    def __init__(self):
        self.ref = self
    def __del__(self):
        print("__del__ called")
        survivors.append(self)
s = SelfCycleResurrector()
wr = weakref.ref(s)
del s
print("collect: %d" % gc.collect())
print("survivors: %d, weakref dead: %s" % (len(survivors), wr() is None))
print("survivor still a self-cycle: %s" % (survivors[0].ref is survivors[0]))
del survivors[:]
print("collect after clearing survivors: %d" % gc.collect())
print("survivors: %d" % len(survivors))
