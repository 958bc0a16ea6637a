# profiles: 3.12
# test_gc.test_resurrection_does_not_block_cleanup_of_other_objects: return values and get_stats deltas.
import gc
gc.disable()
gc.collect()
N = 100
class A:
    def __init__(self):
        self.me = self
class Z(A):
    def __del__(self):
        zs.append(self)
zs = []
def getstats():
    d = gc.get_stats()[-1]
    return d['collected'], d['uncollectable']
def report(label, t, old):
    c, nc = getstats()
    print("%s: returned %d, collected +%d, uncollectable +%d" % (label, t, c - old[0], nc - old[1]))
old = getstats()
for i in range(N):
    A()
report("100 self-loops", gc.collect(), old)
old = getstats()
Z()
report("one resurrecting Z", gc.collect(), old)
old = getstats()
for i in range(N):
    A()
Z()
report("100 self-loops and a Z", gc.collect(), old)
old = getstats()
zs.clear()
report("after clearing zs", gc.collect(), old)
