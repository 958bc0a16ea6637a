# test_gc.test_bug1055820c: an old object kept alive only by young trash dies in an automatic gen0 collection; its callback sees None.
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
c0 = C1055820(0)
gc.collect()
c1 = C1055820(1)
c1.keep_c0_alive = c0
del c0.loop
c2 = C1055820(2)
c2wr = weakref.ref(c2)
ouch = []
seen_at = []
def callback(ignored):
    ouch[:] = [c2wr()]
    seen_at.append(i)
c0wr = weakref.ref(c0, callback)
c0 = c1 = c2 = None
junk = []
i = 0
detector = GC_Detector()
while not detector.gc_happened:
    i += 1
    if i > 10000:
        print("gc didn't happen after 10000 iterations")
        break
    junk.append([])
gc.disable()
print("callback ran once: %s" % (len(ouch) == 1))
print("ouch: %r" % (ouch,))
print("callback ran during iteration: %d" % seen_at[0])
print("iterations: %d" % i)
