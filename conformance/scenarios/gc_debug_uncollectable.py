# DEBUG_UNCOLLECTABLE: 2.7 lists a __del__ cycle and its dicts as uncollectable (with DEBUG_OBJECTS); 3.12 prints nothing.
import gc, sys
gc.disable()
gc.collect()
class D(object):
    def __del__(self):
        print("__del__ %s" % self.name)
a = D()
a.name = 'a'
b = D()
b.name = 'b'
a.other = b
b.other = a
del a, b
gc.set_debug(gc.DEBUG_UNCOLLECTABLE | getattr(gc, 'DEBUG_OBJECTS', 0))
n = gc.collect()
sys.stderr.flush()
gc.set_debug(0)
print("collected: %d" % n)
print("garbage: %r" % sorted(o.name for o in gc.garbage))
while gc.garbage:
    gc.garbage.pop().other = None
print("done")
