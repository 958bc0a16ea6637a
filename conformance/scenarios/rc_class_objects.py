# Spec 4.1: refcounts of class objects (dict, mro and descriptors refer to them); instances and subclasses add more.
import sys
class Base(object):
    pass
print("new-style class, no instances: %d" % sys.getrefcount(Base))
objs = [Base(), Base(), Base()]
print("with 3 instances: %d" % sys.getrefcount(Base))
del objs
before = sys.getrefcount(Base)
class Sub(Base):
    pass
print("base gains from one subclass: +%d" % (sys.getrefcount(Base) - before))
class Plain:
    pass
print("plain class (classic in 2.7): %d" % sys.getrefcount(Plain))
