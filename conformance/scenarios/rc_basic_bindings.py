# Spec 4.1: getrefcount of a user object bound to a global, a local, and a temporary (the argument adds one).
import sys
class A(object):
    pass
a = A()
print("one global: %d" % sys.getrefcount(a))
def local_only():
    x = A()
    return sys.getrefcount(x)
print("one local: %d" % local_only())
print("temporary: %d" % sys.getrefcount(A()))
b = a
print("global alias: %d" % sys.getrefcount(a))
del b
print("alias deleted: %d" % sys.getrefcount(a))
