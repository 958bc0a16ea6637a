# test_gc.test_finalizer: a classic/plain self-loop with __del__ goes to gc.garbage in 2.7; 3.12 finalizes it.
import gc
gc.disable()
gc.collect()
class A:
    def __del__(self):
        print("A.__del__")
class B:
    pass
a = A()
a.a = a
id_a = id(a)
b = B()
b.b = b
gc.collect()
del a
del b
print("collect: %d" % gc.collect())
print("garbage: %r" % [type(o).__name__ for o in gc.garbage])
print("the A is in garbage: %s" % any(id(o) == id_a for o in gc.garbage))
while gc.garbage:
    gc.garbage.pop().a = None
print("after breaking the loop: %d" % gc.collect())
