# Spec 40: a non-cyclic __del__ that resurrects: 2.7 clears the weakref and calls __del__ at every death; 3.12 once.
import gc, weakref
gc.disable()
gc.collect()
survivors = []
class Resurrector(object):
    calls = 0
    def __del__(self):
        Resurrector.calls += 1
        if Resurrector.calls < 3:
            survivors.append(self)
s = Resurrector()
wr = weakref.ref(s)
del s
print("after first death: calls=%d survivors=%d weakref alive=%s" % (Resurrector.calls, len(survivors), wr() is not None))
del survivors[:]
print("after second death: calls=%d survivors=%d weakref alive=%s" % (Resurrector.calls, len(survivors), wr() is not None))
del survivors[:]
print("after third death: calls=%d survivors=%d" % (Resurrector.calls, len(survivors)))
print("collect: %d" % gc.collect())
