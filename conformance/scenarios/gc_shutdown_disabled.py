# With the collector disabled, 3.12's Py_Finalize skips its first collection (PyGC_Collect does
# nothing while disabled): module teardown and the collection after it finalize the cycle and the
# module's objects together, oldest first. 2.7 collects regardless (and cannot collect cycles with
# __del__ at all).
import gc
gc.disable()
class K(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del %s" % self.name)
first = K("first")
def make_cycle():
    x = K("x")
    y = K("y")
    x.other = y
    y.other = x
make_cycle()
last = K("last")
print("end, enabled=%s" % gc.isenabled())
