# seed 6 variation: DEBUG_UNCOLLECTABLE on a __del__ pair (2.7 reports and keeps them, 3.12 calls __del__ and frees them).
import gc, sys
class Resource(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("closing %s" % self.name)
def leak_pair():
    a, b = Resource('a'), Resource('b')
    a.peer = b
    b.peer = a
def names():
    return sorted(o.name for o in gc.garbage if isinstance(o, Resource))
gc.disable()
gc.collect()
gc.set_debug(gc.DEBUG_UNCOLLECTABLE)
leak_pair()
n = gc.collect()
sys.stderr.flush()
print("collect: %d" % n)
print("in garbage: %s" % names())
gc.set_debug(0)
def fix():
    for o in gc.garbage:
        if isinstance(o, Resource):
            o.peer = None
    del gc.garbage[:]
fix()
print("after fix: %d" % gc.collect())
