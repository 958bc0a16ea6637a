# Spec 4.1: a closure cell and a default argument value each hold one reference.
import sys
class A(object):
    pass
a = A()
base = sys.getrefcount(a)
def make_closure(x):
    def inner():
        return x
    return inner
f = make_closure(a)
print("closure cell: +%d" % (sys.getrefcount(a) - base))
def with_default(arg=a):
    return arg
print("plus default value: +%d" % (sys.getrefcount(a) - base))
del f
print("closure dropped: +%d" % (sys.getrefcount(a) - base))
del with_default
print("function with default dropped: +%d" % (sys.getrefcount(a) - base))
