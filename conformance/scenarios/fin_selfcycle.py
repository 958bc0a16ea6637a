# Spec 41: a self-cycle with __del__: 2.7 leaves it in gc.garbage with its weakref alive; 3.12 finalizes it once.
import gc, weakref
gc.disable()
gc.collect()
class SelfCycle(object):
    def __init__(self):
        self.ref = self
    def __del__(self):
        print("__del__ called, ref intact: %s" % (self.ref is self))
s = SelfCycle()
wr = weakref.ref(s)
del s
print("collect: %d" % gc.collect())
print("weakref dead: %s" % (wr() is None))
print("in gc.garbage: %d" % len(gc.garbage))
print("collect again: %d" % gc.collect())
def release():
    while gc.garbage:
        gc.garbage.pop().ref = None
print("releasing gc.garbage")
release()
print("weakref dead at the end: %s" % (wr() is None))
