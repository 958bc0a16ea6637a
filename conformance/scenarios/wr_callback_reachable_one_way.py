# test_weakref.test_callback_reachable_one_way / test_callback_different_classes / test_callback_in_cycle_resurrection: callbacks of trash weakrefs are not called.
import gc, weakref
calls = []
class C(object):
    def cb(self, ignore):
        calls.append((self.me is self, self.c1 is not None, self.wr is not None))
c1, c2 = C(), C()
c2.me = c2
c2.c1 = c1
c2.wr = weakref.ref(c1, c2.cb)
del c1, c2
print("collected %d, calls %r" % (gc.collect(), calls))
class D:
    pass
c1, c2 = D(), C()
c2.me = c2
c2.c1 = c1
c2.wr = weakref.ref(c1, c2.cb)
del c1, c2, C, D
print("collected %d, calls %r" % (gc.collect(), calls))
alist = []
class E(object):
    def __init__(self, value):
        self.attribute = value
    def acallback(self, ignore):
        alist.append(self.c)
c1, c2 = E(1), E(2)
c1.c = c2
c2.c = c1
c1.wr = weakref.ref(c2, c1.acallback)
c2.wr = weakref.ref(c1, c2.acallback)
def C_went_away(ignore):
    alist.append("C went away")
wr = weakref.ref(E, C_went_away)
del c1, c2, E
print(alist)
gc.collect()
print(alist)
print(wr())
del alist[:]
gc.collect()
print(alist)
