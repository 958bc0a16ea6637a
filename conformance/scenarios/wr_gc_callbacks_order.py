# Spec 54: two callback weakrefs to a collected self-cycle fire newest first and see the referent gone.
import gc, weakref
gc.disable()
gc.collect()
class C(object):
    pass
def cb1(ref):
    print("cb1, referent gone: %s" % (ref() is None))
def cb2(ref):
    print("cb2, referent gone: %s" % (ref() is None))
a = C()
a.me = a
w1 = weakref.ref(a, cb1)
w2 = weakref.ref(a, cb2)
del a
print("collect: %d" % gc.collect())
