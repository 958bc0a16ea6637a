# test_weakset: union, intersection, difference, symmetric difference, subset tests and in-place operators.
import weakref
class Obj(object):
    def __init__(self, name):
        self.name = name
def names(s):
    return sorted(o.name for o in s)
a, b, c, d = Obj('a'), Obj('b'), Obj('c'), Obj('d')
s1 = weakref.WeakSet([a, b, c])
s2 = weakref.WeakSet([b, c, d])
print("union: %r" % names(s1 | s2))
print("intersection: %r" % names(s1 & s2))
print("difference: %r" % names(s1 - s2))
print("symmetric: %r" % names(s1 ^ s2))
print("union() with a list: %r" % names(s1.union([d])))
print("result type: %s" % type(s1 | s2).__name__)
small = weakref.WeakSet([a])
print("subset: %s %s" % (small <= s1, small < s1))
print("superset: %s" % (s1 >= small))
print("isdisjoint: %s" % s1.isdisjoint(weakref.WeakSet([d])))
print("equal to same members: %s" % (s1 == weakref.WeakSet([c, b, a])))
print("equal to a set: %s" % (s1 == set([a, b, c])))
s3 = weakref.WeakSet([a])
s3 |= s2
print("|= : %r" % names(s3))
s3 &= s1
print("&= : %r" % names(s3))
s3 -= weakref.WeakSet([b])
print("-= : %r" % names(s3))
s3.update([a, d])
print("update: %r" % names(s3))
