# Spec 48: a 3-cycle created a, b, c: 3.12 calls __del__ in creation order; 2.7 puts them in gc.garbage in that order.
import gc
gc.disable()
gc.collect()
class D(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__ %s" % self.name)
def make(order):
    objs = []
    for n in order:
        objs.append(D(n))
    for i in range(3):
        objs[i].next = objs[(i + 1) % 3]
def garbage_names():
    return [o.name for o in gc.garbage]
def release():
    for o in gc.garbage:
        o.next = None
    del gc.garbage[:]
make("abc")
print("collect: %d" % gc.collect())
print("garbage: %r" % garbage_names())
release()
make("cba")
print("collect: %d" % gc.collect())
print("garbage: %r" % garbage_names())
release()
print("end")
