# test_gc.test_method: self.init = self.__init__ makes a cycle through a bound method (3 in 2.7, 2 in 3.12).
import gc
gc.disable()
gc.collect()
class A(object):
    def __init__(self):
        self.init = self.__init__
a = A()
print("bound method refers back: %s" % (a.init.__self__ is a))
gc.collect()
del a
print("collect: %d" % gc.collect())
