# test_weakref.test_sf_bug_840829: a weakref callback that runs gc.collect() during a dealloc, then a class weakref with a callback.
import gc, weakref
log = []
class C(object):
    pass
c = C()
wr = weakref.ref(c, lambda ignore: log.append(("first", gc.collect())))
del c
del wr
c1 = C()
c1.i = C()
wr = weakref.ref(c1.i, lambda ignore: log.append(("second", gc.collect())))
c2 = C()
c2.c1 = c1
del c1
del c2
print(log)
class A(object):
    pass
l = []
a = weakref.ref(A, l.append)
A = None
gc.collect()
print(a() is None, l == [a])
class Target(object):
    def __del__(self):
        global ref_from_del
        ref_from_del = weakref.ref(self)
w = Target()
del w
print(ref_from_del() is None)
