# DEBUG_LEAK: prints each collectable object and saves it in gc.garbage (2.7 also prints dicts via DEBUG_OBJECTS).
import gc, sys
gc.disable()
gc.collect()
class Node(object):
    pass
a = Node()
b = Node()
a.b = b
b.a = a
del a, b
gc.set_debug(gc.DEBUG_LEAK)
n = gc.collect()
sys.stderr.flush()
gc.set_debug(0)
print("collected: %d" % n)
print("garbage types: %r" % sorted(type(o).__name__ for o in gc.garbage))
del gc.garbage[:]
