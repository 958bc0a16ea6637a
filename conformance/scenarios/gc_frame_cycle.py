# test_gc.test_frame: a frame that stores itself in a local is a one-object cycle.
import gc, sys
gc.disable()
gc.collect()
def f():
    frame = sys._getframe()
f()
print("collect: %d" % gc.collect())
