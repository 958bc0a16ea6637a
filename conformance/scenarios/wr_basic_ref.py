# test_weakref.test_basic_ref: calling a ref gives the object; the ref's repr alive and dead; ref() after death.
import weakref
class C(object):
    def method(self):
        return "method called"
o = C()
r = weakref.ref(o)
print("alive repr: %r" % (r,))
print("deref is object: %s" % (r() is o))
print("call through: %s" % r().method())
print("type name: %s" % type(r).__name__)
print("isinstance ReferenceType: %s" % isinstance(r, weakref.ReferenceType))
del o
print("dead: %s" % (r() is None))
print("dead repr: %r" % (r,))
