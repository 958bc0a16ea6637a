# Spec 51: a self-referencing list holding three __del__ objects: 2.7 frees them in the clear phase (x2, x1, x0), 3.12 finalizes x0, x1, x2 first.
import gc
gc.disable()
gc.collect()
class D(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__ %s" % self.name)
l = [D('x0'), D('x1'), D('x2')]
l.append(l)
del l
print("collect: %d" % gc.collect())
print("garbage: %d" % len(gc.garbage))
