# Spec 4.1: a live bound method holds the instance and the function; calling a.m() directly creates none in 3.12.
import sys
class A(object):
    def m(self):
        return sys.getrefcount(self)
a = A()
func = A.__dict__['m']
base_a = sys.getrefcount(a)
base_f = sys.getrefcount(func)
bm = a.m
print("bound method held: instance +%d, function +%d" % (sys.getrefcount(a) - base_a, sys.getrefcount(func) - base_f))
print("getrefcount(self) inside bm(): %d" % bm())
del bm
print("inside a.m(): %d" % a.m())
print("after dropping bm: instance +%d" % (sys.getrefcount(a) - base_a))
