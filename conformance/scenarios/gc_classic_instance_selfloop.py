# test_gc.test_instance: a classic (2.7) / plain (3.12) instance pointing at itself; 2.7 also frees its dict.
import gc
gc.disable()
gc.collect()
class A:
    pass
a = A()
a.a = a
gc.collect()
del a
print("collect: %d" % gc.collect())
