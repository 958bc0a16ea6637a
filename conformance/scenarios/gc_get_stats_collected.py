# profiles: 3.12
# get_stats 'collected' grows by what each generation's collection freed; the callers' return values agree.
import gc
gc.disable()
gc.collect()
def delta(before, after):
    return [(after[g]["collected"] - before[g]["collected"], after[g]["uncollectable"] - before[g]["uncollectable"]) for g in range(3)]
class Node:
    pass
before = gc.get_stats()
for i in range(5):
    n = Node()
    n.me = n
del n
r = gc.collect(0)
print("collect(0): %d, deltas %r" % (r, delta(before, gc.get_stats())))
before = gc.get_stats()
l = []
l.append(l)
gc.collect(0)
del l
r = gc.collect(1)
print("collect(1): %d, deltas %r" % (r, delta(before, gc.get_stats())))
before = gc.get_stats()
r = gc.collect()
print("collect(): %d, deltas %r" % (r, delta(before, gc.get_stats())))
