# Spec 47: __del__ order across generations for a cycle X(gen2) -> Y(gen1) -> Z(gen0) -> X: 3.12 X, Z, Y; 2.7 garbage order.
import gc
gc.disable()
gc.collect()
class D(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__ %s" % self.name)
x = D('X')
gc.collect()
y = D('Y')
gc.collect(0)
z = D('Z')
x.next = y
y.next = z
z.next = x
del x, y, z
print("collect: %d" % gc.collect())
def names():
    return [o.name for o in gc.garbage]
print("garbage: %r" % names())
def release():
    for o in gc.garbage:
        o.next = None
    del gc.garbage[:]
release()
print("end")
