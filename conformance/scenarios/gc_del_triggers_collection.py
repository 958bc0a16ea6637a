# test_gc.test_del / test_del_newclass: with threshold 1, a __del__ that allocates can trigger collection safely.
import gc
thresholds = gc.get_threshold()
gc.enable()
gc.set_threshold(1)
class A:
    def __del__(self):
        dir(self)
a = A()
del a
class B(object):
    def __del__(self):
        dir(self)
b = B()
del b
gc.disable()
gc.set_threshold(*thresholds)
print("threshold restored: %r" % (gc.get_threshold(),))
print("ok")
