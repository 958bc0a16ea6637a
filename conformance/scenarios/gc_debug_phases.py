# Spec 3.6 (2.7 part): plain cycle with a callback weakref and a __del__ child, plus a __del__ self-cycle: phase order.
import gc, weakref
class D(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__ %s" % self.name)
class N(object):
    pass
def wcb(ref):
    print("weakref callback")
gc.disable()
gc.collect()
p = N()
q = N()
p.q = q
q.p = p
p.child = D('child')
w = weakref.ref(q, wcb)
s = D('selfcycle')
s.me = s
del p, q, s
gc.set_debug(gc.DEBUG_COLLECTABLE | gc.DEBUG_UNCOLLECTABLE | getattr(gc, 'DEBUG_OBJECTS', 0))
n = gc.collect()
gc.set_debug(0)
print("collect: %d" % n)
print("garbage: %r" % [getattr(o, 'name', type(o).__name__) for o in gc.garbage])
