# Spec 43: a self-cycle whose __del__ breaks its own cycle: 3.12 frees it during finalization and counts 0.
import gc, weakref
gc.disable()
gc.collect()
class Suicidal(object):
    def __init__(self):
        self.ref = self
    def __del__(self):
        print("__del__ called")
        self.ref = None
s = Suicidal()
wr = weakref.ref(s)
del s
print("collect: %d" % gc.collect())
print("weakref dead: %s" % (wr() is None))
print("garbage: %d" % len(gc.garbage))
def release():
    while gc.garbage:
        gc.garbage.pop().ref = None
release()
print("weakref dead at the end: %s" % (wr() is None))
