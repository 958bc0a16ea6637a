# A __del__ that raises: the exception is reported and dropped with its traceback, so the
# traceback's frame (whose `self` is the dying object) does not keep the object alive.
import gc
gc.disable()
gc.collect()
class K(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del %s" % self.name)
        raise ValueError(self.name)
def count():
    return len([o for o in gc.get_objects() if type(o) is K])
a = K("plain")
del a
print("alive after refcount death: %d" % count())
b = K("cycle")
b.me = b
del b
print("collect %d" % gc.collect())
print("alive after collection: %d" % count())
print("collect again %d" % gc.collect())
