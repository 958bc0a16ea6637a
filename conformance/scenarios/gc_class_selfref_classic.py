# test_gc.test_class: a plain class (classic in 2.7, new-style in 3.12) that refers to itself.
import gc
gc.disable()
gc.collect()
class A:
    pass
A.a = A
gc.collect()
del A
print("collect after del A: %d" % gc.collect())
