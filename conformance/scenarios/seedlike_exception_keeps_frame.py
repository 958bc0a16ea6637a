# seed 5 variation: an exception caught at module level keeps the failing function's locals alive through its traceback (2.7 until the next exception).
import gc, sys, weakref
class Buffer(object):
    def __init__(self, size):
        self.size = size
def process():
    buf = Buffer(1024)
    ref = weakref.ref(buf)
    holder.append(ref)
    raise ValueError("bad input")
holder = []
gc.disable()
try:
    process()
except ValueError as e:
    print("caught: %s" % e)
    print("buffer alive in handler: %s" % (holder[0]() is not None))
print("buffer alive after handler: %s" % (holder[0]() is not None))
try:
    raise KeyError('other')
except KeyError:
    pass
print("after another exception: %s" % (holder[0]() is not None))
def clear():
    try:
        raise TypeError('x')
    except TypeError:
        pass
clear()
print("after a handled exception in a function: %s" % (holder[0]() is not None))
print("collect: %d" % gc.collect())
