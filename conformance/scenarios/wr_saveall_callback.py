# Spec 60: with DEBUG_SAVEALL a weakref callback still runs and sees None, while the object is kept in gc.garbage.
import gc, weakref
gc.disable()
gc.collect()
class C(object):
    pass
def cb(ref):
    print("callback, ref() is None: %s" % (ref() is None))
a = C()
a.me = a
w = weakref.ref(a, cb)
del a
gc.set_debug(gc.DEBUG_SAVEALL)
n = gc.collect()
gc.set_debug(0)
print("collect: %d" % n)
def kinds():
    return sorted(type(o).__name__ for o in gc.garbage)
print("garbage: %r" % kinds())
print("weakref now: %s" % (w() is None))
del gc.garbage[:]
