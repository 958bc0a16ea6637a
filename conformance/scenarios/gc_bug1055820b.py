# test_gc.test_bug1055820b: weakref callbacks on cyclic trash see every weakref to the trash already cleared.
import gc, weakref
class C1055820(object):
    def __init__(self, i):
        self.i = i
        self.loop = self
gc.disable()
gc.collect()
ouch = []
def callback(ignored):
    ouch[:] = [wr() for wr in WRs]
Cs = [C1055820(i) for i in range(2)]
WRs = [weakref.ref(c, callback) for c in Cs]
c = None
gc.collect()
print("callbacks so far: %d" % len(ouch))
Cs = None
print("collect: %d" % gc.collect())
print("ouch: %r" % (ouch,))
