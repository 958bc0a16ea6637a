# DEBUG_COLLECTABLE lines for a list, an instance pair and a closure cycle, in garbage order (2.7 needs DEBUG_OBJECTS).
import gc, sys
class Capture(object):
    def __init__(self):
        self.text = ""
    def write(self, s):
        self.text += s
    def flush(self):
        pass
class A(object):
    pass
def make_closure_cycle():
    def f():
        return f
    return None
gc.disable()
gc.collect()
l = []
l.append(l)
a = A()
b = A()
a.b = b
b.a = a
del l, a, b
make_closure_cycle()
cap = Capture()
sys.stderr = cap
gc.set_debug(gc.DEBUG_COLLECTABLE | getattr(gc, 'DEBUG_OBJECTS', 0))
n = gc.collect()
gc.set_debug(0)
sys.stderr = sys.__stderr__
sys.stdout.write(cap.text)
print("collected: %d" % n)
