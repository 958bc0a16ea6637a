# Spec 56: an exception in a weakref callback is reported and ignored, on refcount death and in a collection.
import gc, weakref
gc.disable()
gc.collect()
class C(object):
    pass
def cb7(ref):
    raise RuntimeError('boom in cb')
a = C()
w = weakref.ref(a, cb7)
print("deleting a")
del a
print("after refcount death")
b = C()
b.me = b
w2 = weakref.ref(b, cb7)
del b
print("collect: %d" % gc.collect())
