# The repr of a proxy to a live object (differs by version) and its str forwarding.
import weakref
class C(object):
    def __repr__(self):
        return "C()"
o = C()
p = weakref.proxy(o)
print("repr: %s" % repr(p))
print("str: %s" % str(p))
def f():
    pass
cp = weakref.proxy(f)
print("callable proxy repr: %s" % repr(cp))
del o
print("dead proxy repr: %s" % repr(p))
