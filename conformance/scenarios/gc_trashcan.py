# test_gc.test_trashcan: deep nests of lists/dicts holding __del__ objects, with collections from inside __del__.
import gc
class Ouch:
    n = 0
    seen = {}
    def __init__(self, k):
        self.k = k
    def __del__(self):
        Ouch.n = Ouch.n + 1
        Ouch.seen[self.k] = 1
        if Ouch.n % 17 == 0:
            gc.collect()
gc.enable()
N = 150
k = 0
for count in range(2):
    t = []
    for i in range(N):
        k += 1
        t = [t, Ouch(k)]
    u = []
    for i in range(N):
        k += 1
        u = [u, Ouch(k)]
    v = {}
    for i in range(N):
        k += 1
        v = {1: v, 2: Ouch(k)}
gc.disable()
del t, u, v
print("created: %d" % k)
print("distinct objects finalized: %d" % len(Ouch.seen))
