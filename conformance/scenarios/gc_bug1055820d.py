# test_gc.test_bug1055820d: like 1055820c with __del__ instead of a callback; __del__ sees the young trash cleared.
import gc, weakref
class C1055820(object):
    def __init__(self, i):
        self.i = i
        self.loop = self
class GC_Detector(object):
    def __init__(self):
        self.gc_happened = False
        def it_happened(ignored):
            self.gc_happened = True
        self.wr = weakref.ref(C1055820(666), it_happened)
gc.enable()
ouch = []
seen_at = []
i = 0
class D(C1055820):
    def __del__(self):
        ouch[:] = [c2wr()]
        seen_at.append(i)
d0 = D(0)
gc.collect()
c1 = C1055820(1)
c1.keep_d0_alive = d0
del d0.loop
c2 = C1055820(2)
c2wr = weakref.ref(c2)
d0 = c1 = c2 = None
detector = GC_Detector()
junk = []
i = 0
while not detector.gc_happened:
    i += 1
    if i > 10000:
        print("gc didn't happen after 10000 iterations")
        break
    junk.append([])
gc.disable()
print("__del__ ran once: %s" % (len(ouch) == 1))
print("ouch: %r" % (ouch,))
print("__del__ ran during iteration: %d" % seen_at[0])
print("iterations: %d" % i)
