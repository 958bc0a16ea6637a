# Spec 3.6: order of collectable lines, weakref callbacks, __del__ calls and gc callbacks within one collection.
import gc, weakref
class D(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__ %s" % self.name)
class N(object):
    pass
def wcb(ref):
    print("  weakref callback, wr() -> %r" % (ref(),))
def gcb(phase, info):
    print("  gc.callbacks %s %r" % (phase, sorted(info.items())))
gc.disable()
gc.collect()
a = D('a')
b = N()
a.b = b
b.a = a
b.leaf = D('leaf')
refs = [weakref.ref(a, wcb), weakref.ref(b, wcb)]
del a, b
if hasattr(gc, 'callbacks'):
    gc.callbacks.append(gcb)
gc.set_debug(gc.DEBUG_COLLECTABLE | gc.DEBUG_UNCOLLECTABLE | getattr(gc, 'DEBUG_OBJECTS', 0))
n = gc.collect()
gc.set_debug(0)
if hasattr(gc, 'callbacks'):
    gc.callbacks.remove(gcb)
print("collect: %d" % n)
print("garbage: %r" % [getattr(o, 'name', type(o).__name__) for o in gc.garbage])
