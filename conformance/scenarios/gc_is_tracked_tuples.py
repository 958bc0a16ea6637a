# Tuple untracking: a runtime tuple of atoms is untracked by the first collection it survives, nested ones need two.
import gc
gc.disable()
gc.collect()
a = 1
t = (a, 2)
print("runtime tuple of ints: %s" % gc.is_tracked(t))
gc.collect(0)
print("after collect(0): %s" % gc.is_tracked(t))
l = []
u = (a, l)
gc.collect(0)
print("tuple holding a list after collect: %s" % gc.is_tracked(u))
nested = ((a,), 2)
gc.collect(0)
print("nested: outer %s, inner %s" % (gc.is_tracked(nested), gc.is_tracked(nested[0])))
gc.collect(0)
print("second collect(0) does not see it (gen1): outer %s" % gc.is_tracked(nested))
gc.collect(1)
print("after collect(1): outer %s, inner %s" % (gc.is_tracked(nested), gc.is_tracked(nested[0])))
holder = {'t': (a, 2)}
gc.collect(0)
print("dict holding a runtime tuple after collect(0): %s" % gc.is_tracked(holder))
gc.collect(1)
print("after collect(1): %s" % gc.is_tracked(holder))
gc.collect(2)
print("after collect(2): %s" % gc.is_tracked(holder))
