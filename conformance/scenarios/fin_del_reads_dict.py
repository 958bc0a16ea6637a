# profiles: 3.12
# Spec 65/4.3: __del__ that reads self.__dict__ materializes dicts mid-collection: first collect 0, second 4, no second __del__.
import gc
gc.disable()
gc.collect()
class D:
    def __del__(self):
        print("__del__ %s" % sorted(self.__dict__.keys()))
a, b = D(), D()
a.x = b
b.x = a
del a, b
print("first collect: %d" % gc.collect())
print("second collect: %d" % gc.collect())
class P:
    def __del__(self):
        print("__del__ reads attr: %s" % (self.x is not None))
a, b = P(), P()
a.x = b
b.x = a
del a, b
print("attribute read only: %d" % gc.collect())
