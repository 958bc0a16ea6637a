# profiles: 3.12
# Python 3.12: range is a lazy untracked object, xrange does not exist, dict views are live.
import gc
r = range(4)
print("range: %r %s tracked=%s" % (r, type(r).__name__, gc.is_tracked(r)))
print("list(range): %r" % (list(r),))
try:
    xrange(3)
except NameError as e:
    print("NameError: %s" % e)
d = {1: 'a'}
k = d.keys()
d[2] = 'b'
print("live view: %r %s" % (sorted(k), type(k).__name__))
print("big int: %r %s" % (2 ** 64, type(2 ** 64).__name__))
