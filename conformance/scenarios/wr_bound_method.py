# A plain weakref to a bound method dies at once (the method object is temporary); a ref to the function lives.
import weakref
class C(object):
    def m(self):
        return "m"
c = C()
r = weakref.ref(c.m)
print("ref to bound method dead immediately: %s" % (r() is None))
bm = c.m
r2 = weakref.ref(bm)
print("alive while bound method is held: %s" % (r2() is not None))
print("new bound method each access: %s" % (c.m is not c.m))
del bm
print("dead after dropping it: %s" % (r2() is None))
rf = weakref.ref(C.__dict__['m'])
print("ref to the function alive: %s" % (rf() is not None))
