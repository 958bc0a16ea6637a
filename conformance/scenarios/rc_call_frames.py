# Spec 4.1: references held by call frames: 2.7 keeps arguments on the caller's stack too, 3.12 moves them.
import sys
class A(object):
    pass
x = A()
def g(o):
    return sys.getrefcount(o)
def g_alias(o):
    alias = o
    return sys.getrefcount(o)
def g2(o, p):
    return sys.getrefcount(o)
def self_count():
    return sys.getrefcount(self_count)
print("g(x): %d" % g(x))
print("g_alias(x): %d" % g_alias(x))
print("g2(x, x): %d" % g2(x, x))
print("getrefcount(f) inside f(): %d" % self_count())
print("back at module level: %d" % sys.getrefcount(x))
