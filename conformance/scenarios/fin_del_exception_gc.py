# Spec 57: an exception in __del__ during a collection is reported as unraisable; the collection still completes.
import gc
gc.disable()
gc.collect()
class D(object):
    def __init__(self):
        self.me = self
    def __del__(self):
        raise RuntimeError('oops in collect')
D()
n = gc.collect()
print("collect: %d" % n)
print("garbage: %d" % len(gc.garbage))
