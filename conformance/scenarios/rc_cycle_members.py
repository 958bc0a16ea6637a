# Spec 4.1: each member of a 2-cycle has one extra reference from its partner.
import sys
class Node(object):
    pass
a = Node()
b = Node()
print("before linking: %d %d" % (sys.getrefcount(a), sys.getrefcount(b)))
a.other = b
b.other = a
print("linked: %d %d" % (sys.getrefcount(a), sys.getrefcount(b)))
a.me = a
print("a also points to itself: %d" % sys.getrefcount(a))
del a.me
b.other = None
print("one link broken: %d %d" % (sys.getrefcount(a), sys.getrefcount(b)))
