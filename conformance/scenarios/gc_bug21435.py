# test_gc.test_bug21435: B.__del__ sets an attribute on itself while its A<->B cycle is being collected.
import gc
gc.disable()
gc.collect()
class A:
    pass
class B:
    def __init__(self, x):
        self.x = x
    def __del__(self):
        print("B.__del__")
        self.attr = None
def do_work():
    a = A()
    b = B(A())
    a.attr = b
    b.attr = a
do_work()
print("collect: %d" % gc.collect())
print("garbage: %d" % len(gc.garbage))
