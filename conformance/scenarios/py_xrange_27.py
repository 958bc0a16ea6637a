# profiles: 2.7
# Python 2.7: range() returns a (tracked) list, xrange() a lazy sequence; dict.keys() returns a list.
import gc
r = range(4)
x = xrange(4)
print("range: %r %s" % (r, type(r).__name__))
print("xrange: %r %s" % (x, type(x).__name__))
print("list(xrange): %r" % (list(x),))
print("range tracked: %s, xrange tracked: %s" % (gc.is_tracked(r), gc.is_tracked(x)))
d = {1: 'a', 2: 'b'}
print("keys: %r %s" % (sorted(d.keys()), type(d.keys()).__name__))
print("long: %r" % (2 ** 64,))
print("type of 2 ** 63: %s, of 2 ** 62: %s" % (type(2 ** 63).__name__, type(2 ** 62).__name__))
