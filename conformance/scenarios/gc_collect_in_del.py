# gc.collect() called from __del__ while the collector runs finalizers returns 0 (3.12); 2.7 never calls it.
import gc
gc.disable()
gc.collect()
class D(object):
    def __del__(self):
        print("collect() inside __del__: %d" % gc.collect())
d = D()
d.me = d
del d
print("outer collect: %d" % gc.collect())
e = D()
del e
print("refcount death, then collect: %d" % gc.collect())
