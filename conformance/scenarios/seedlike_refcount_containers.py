# seed 2 variation: sys.getrefcount as an object is stored in a dict, a tuple, an attribute and a class attribute, then released.
import sys
class Holder(object):
    pass
class Thing(object):
    pass
t = Thing()
print("bound: %d" % sys.getrefcount(t))
d = {'k': t}
print("in dict: %d" % sys.getrefcount(t))
tup = (t, t)
print("twice in tuple: %d" % sys.getrefcount(t))
h = Holder()
h.thing = t
print("as attribute: %d" % sys.getrefcount(t))
Holder.shared = t
print("as class attribute: %d" % sys.getrefcount(t))
d['k2'] = t
print("second dict key: %d" % sys.getrefcount(t))
del tup
print("tuple gone: %d" % sys.getrefcount(t))
del Holder.shared
print("class attr gone: %d" % sys.getrefcount(t))
d.clear()
print("dict cleared: %d" % sys.getrefcount(t))
del h
print("holder gone: %d" % sys.getrefcount(t))
def peek(x):
    return sys.getrefcount(x)
print("inside a call: %d" % peek(t))
