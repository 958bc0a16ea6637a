# test_weakref.test_callbacks_on_callback: weakref callbacks on a bound-method callback in cyclic trash; only the external one runs.
import gc, weakref
alist = []
def safe_callback(ignore):
    alist.append("safe_callback called")
class C(object):
    def cb(self, ignore):
        alist.append("cb called")
c, d = C(), C()
c.other = d
d.other = c
callback = c.cb
c.wr = weakref.ref(d, callback)
d.wr = weakref.ref(callback, d.cb)
external_wr = weakref.ref(callback, safe_callback)
print(external_wr() is callback)
del callback, c, d, C
print(alist)
print(gc.collect() > 0)
print(alist)
print(external_wr())
del alist[:]
gc.collect()
print(alist)
