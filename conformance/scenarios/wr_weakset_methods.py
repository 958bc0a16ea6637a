# test_weakset: named set methods (issubset, issuperset, *_update, symmetric_difference) and their results.
import weakref
class Obj(object):
    def __init__(self, name):
        self.name = name
def names(s):
    return sorted(o.name for o in s)
a, b, c, d = Obj('a'), Obj('b'), Obj('c'), Obj('d')
s = weakref.WeakSet([a, b, c])
t = weakref.WeakSet([c, d])
print("intersection: %r" % names(s.intersection([b, c, d])))
print("difference: %r" % names(s.difference(t)))
print("symmetric_difference: %r" % names(s.symmetric_difference(t)))
print("issubset: %s %s" % (weakref.WeakSet([a]).issubset(s), s.issubset(t)))
print("issuperset: %s" % s.issuperset([a, b]))
print("!=: %s, > : %s" % (s != t, s > weakref.WeakSet([a])))
u = s.copy()
u.intersection_update([a, c, d])
print("intersection_update: %r" % names(u))
u = s.copy()
u.difference_update([a])
print("difference_update: %r" % names(u))
u = s.copy()
u.symmetric_difference_update(t)
print("symmetric_difference_update: %r" % names(u))
u ^= weakref.WeakSet([a])
print("^= : %r" % names(u))
print("originals unchanged: %r %r" % (names(s), names(t)))
x = s - t
del d
print("t after d died: %r" % names(t))
print("x: %r, type %s" % (names(x), type(x).__name__))
