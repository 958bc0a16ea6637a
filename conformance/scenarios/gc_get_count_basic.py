# test_gc.test_get_count: counts are (0, 0, 0) right after a full collection and count0 grows with containers.
import gc
gc.disable()
gc.collect()
a, b, c = gc.get_count()
x = []
d, e, f = gc.get_count()
print("after collect: %r" % ((a, b, c),))
print("older counts unchanged: %r" % ((e, f),))
print("count0 grew: %s" % (d > a))
gc.collect()
ys = [[] for i in range(20)]
n0 = gc.get_count()[0]
print("20 lists add at least 20: %s" % (n0 >= 20))
gc.collect()
print("after second collect: %r" % (gc.get_count(),))
