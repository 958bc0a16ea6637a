# test_gc.test_collect_generations: collect(N) bumps the next generation's count and zeroes the younger ones.
import gc
gc.disable()
gc.collect()
x = []
gc.collect(0)
a, b, c = gc.get_count()
gc.collect(1)
d, e, f = gc.get_count()
gc.collect(2)
g, h, i = gc.get_count()
print("after collect(0): %r" % ((b, c),))
print("after collect(1): %r" % ((e, f),))
print("after collect(2): %r" % ((h, i),))
gc.collect(0)
s1 = gc.get_count()[1:]
gc.collect(0)
s2 = gc.get_count()[1:]
gc.collect(1)
s3 = gc.get_count()[1:]
gc.collect(0)
s4 = gc.get_count()[1:]
print("sequence: %r" % ([s1, s2, s3, s4],))
