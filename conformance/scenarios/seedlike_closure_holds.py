# seed 2 variation: a closure cell keeps a big object alive; refcounts at each step and release when the closure goes.
import sys, gc, weakref
class Big(object):
    pass
def make_reader(obj):
    def reader():
        return type(obj).__name__
    return reader
gc.disable()
b = Big()
print("start: %d" % sys.getrefcount(b))
r = make_reader(b)
print("with closure: %d" % sys.getrefcount(b))
r2 = make_reader(b)
print("two closures: %d" % sys.getrefcount(b))
print("reader says: %s" % r())
w = weakref.ref(b)
del b
print("alive after del name: %s" % (w() is not None))
print("cell refcount: %d" % sys.getrefcount(r.__closure__[0].cell_contents))
del r
print("alive after one closure gone: %s" % (w() is not None))
del r2
print("alive after both gone: %s" % (w() is not None))
print("collect: %d" % gc.collect())
