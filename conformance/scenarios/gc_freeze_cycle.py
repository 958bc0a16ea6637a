# profiles: 3.12
# A frozen dropped cycle is invisible to collect() until unfreeze(); frozen referrers are hidden from get_referrers.
import gc
gc.disable()
gc.collect()
class Node:
    pass
a = Node()
b = Node()
a.other = b
b.other = a
holder = [b]
gc.freeze()
print("referrers of b while frozen: %d" % len(gc.get_referrers(b)))
del a, b, holder
print("collect while frozen: %d" % gc.collect())
gc.unfreeze()
print("collect after unfreeze: %d" % gc.collect())
