# test_gc.test_finalizer_newclass: a new-style self-loop with __del__ next to a plain self-loop.
import gc
gc.disable()
gc.collect()
class A(object):
    def __del__(self):
        print("A.__del__")
class B(object):
    pass
a = A()
a.a = a
b = B()
b.b = b
gc.collect()
del a, b
print("collect: %d" % gc.collect())
print("garbage: %r" % [type(o).__name__ for o in gc.garbage])
if gc.garbage:
    gc.garbage[0].a = None
    del gc.garbage[:]
print("done")
