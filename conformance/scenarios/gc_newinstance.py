# test_gc.test_newinstance: self-loops of new-style instances, of a list-subclass instance, and dropping the classes.
import gc
gc.disable()
gc.collect()
class A(object):
    pass
a = A()
a.a = a
gc.collect()
del a
print("new-style self-loop: %d" % gc.collect())
class B(list):
    pass
class C(B, A):
    pass
a = C()
a.a = a
gc.collect()
del a
print("list-subclass instance self-loop: %d" % gc.collect())
del B, C
print("classes B and C dropped: %d" % gc.collect())
A.a = A()
del A
print("class A with an instance attribute dropped: %d" % gc.collect())
print("nothing left: %d" % gc.collect())
