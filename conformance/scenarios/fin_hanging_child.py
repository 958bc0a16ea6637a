# Spec 52: a plain 2-cycle with a __del__ child hanging off it (which holds a sub-object with __del__).
import gc
gc.disable()
gc.collect()
class N(object):
    pass
class D(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__ %s" % self.name)
a = N()
b = N()
a.b = b
b.a = a
a.child = D('child')
a.child.sub = D('sub')
del a, b
print("collect: %d" % gc.collect())
print("garbage: %d" % len(gc.garbage))
