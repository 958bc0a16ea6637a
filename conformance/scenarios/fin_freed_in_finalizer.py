# Spec 67: a.__del__ breaks the a<->b link so b is freed (nested __del__) during finalization; 3.12 counts 0.
import gc
gc.disable()
gc.collect()
class N(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__ %s enter" % self.name)
        self.o = None
        print("__del__ %s exit" % self.name)
a = N('a')
b = N('b')
a.o = b
b.o = a
del a, b
print("collect: %d" % gc.collect())
def names():
    return [o.name for o in gc.garbage]
print("garbage: %r" % names())
