# A full collection ends by emptying the free lists; each object they held leaves count0
# (PyObject_GC_Del), so what a finalizer allocated during the collection is offset by the
# tuples parked since the previous full collection.
import gc
keep = []
class Node(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        a = gc.get_count()
        b = gc.get_count()
        g = getattr(self, "r", 0)
        c = gc.get_count()
        self.r = 1
        d = gc.get_count()
        keep.append(self)
        e = gc.get_count()
        print(a, b, c, d, e)
class Plain(object):
    pass
def make_cycle():
    x = Plain()
    y = Node("y")
    x.other = y
    y.other = x
gc.collect()
make_cycle()
gc.collect(2)
print("after collect(2): %r" % (gc.get_count(),))
pairs = [(i, i) for i in range(5)]
del pairs
del keep[:]
gc.collect()
print("after collect(): %r" % (gc.get_count(),))
