# test_gc.test_boom: the collector never calls __getattr__ (classic/plain class) when looking for __del__.
import gc
gc.disable()
gc.collect()
class Boom:
    def __getattr__(self, someattribute):
        del self.attr
        raise AttributeError
a = Boom()
b = Boom()
a.attr = b
b.attr = a
gc.collect()
garbagelen = len(gc.garbage)
del a, b
print("collect: %d" % gc.collect())
print("garbage unchanged: %s" % (len(gc.garbage) == garbagelen))
