# Spec 59: DEBUG_SAVEALL with a __del__ 2-cycle: 2.7 saves instances and dicts without finalizing; 3.12 finalizes then saves.
import gc
gc.disable()
gc.collect()
class D(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__ %s" % self.name)
a = D('a')
b = D('b')
a.other = b
b.other = a
del a, b
gc.set_debug(gc.DEBUG_SAVEALL)
n = gc.collect()
gc.set_debug(0)
print("collect: %d" % n)
def describe(o):
    if isinstance(o, D):
        return o.name
    return type(o).__name__
print("garbage: %r" % sorted(describe(o) for o in gc.garbage))
