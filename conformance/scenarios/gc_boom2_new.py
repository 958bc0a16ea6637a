# test_gc.test_boom2_new: __getattr__ that breaks the cycle on its second call is never consulted (new-style).
import gc
gc.disable()
gc.collect()
class Boom2_New(object):
    def __init__(self):
        self.x = 0
    def __getattr__(self, someattribute):
        self.x += 1
        if self.x > 1:
            del self.attr
        raise AttributeError
a = Boom2_New()
b = Boom2_New()
a.attr = b
b.attr = a
gc.collect()
garbagelen = len(gc.garbage)
del a, b
print("collect: %d" % gc.collect())
print("garbage unchanged: %s" % (len(gc.garbage) == garbagelen))
