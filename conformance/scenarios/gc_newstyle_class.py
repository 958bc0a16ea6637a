# test_gc.test_newstyleclass: how many objects a dropped new-style class frees (type, dict, mro, descriptors, methods).
import gc
gc.disable()
gc.collect()
class B(object):
    pass
gc.collect()
del B
print("empty class: %d" % gc.collect())
class M(object):
    def meth(self):
        pass
gc.collect()
del M
print("class with one method: %d" % gc.collect())
class Base(object):
    pass
class Sub(Base):
    pass
gc.collect()
del Base, Sub
print("base and subclass: %d" % gc.collect())
