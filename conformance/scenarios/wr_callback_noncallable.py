# A non-callable callback is accepted at creation and fails only when the referent dies (reported, ignored).
import weakref
class C(object):
    pass
o = C()
r = weakref.ref(o, 42)
print("created: %s" % (r() is o))
print("deleting")
del o
print("after: %s" % (r() is None))
def cb(ref):
    print("callback 2 ran, dead: %s" % (ref() is None))
o = C()
r1 = weakref.ref(o, cb)
r2 = weakref.ref(o, 'nope')
del o
print("end")
