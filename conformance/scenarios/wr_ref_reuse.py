# test_weakref.test_ref_reuse / test_shared_ref_without_callback: callback-less refs are shared, callback refs are not.
import weakref
class C(object):
    pass
o = C()
r1 = weakref.ref(o)
r2 = weakref.ref(o)
print("plain refs shared: %s" % (r1 is r2))
def cb(ref):
    pass
r3 = weakref.ref(o, cb)
r4 = weakref.ref(o, cb)
print("callback refs shared: %s" % (r3 is r4))
print("plain ref still shared: %s" % (weakref.ref(o) is r1))
print("ref with None callback is the plain one: %s" % (weakref.ref(o, None) is r1))
print("getweakrefcount: %d" % weakref.getweakrefcount(o))
p1 = weakref.proxy(o)
p2 = weakref.proxy(o)
print("plain proxies shared: %s" % (p1 is p2))
print("getweakrefcount with proxy: %d" % weakref.getweakrefcount(o))
