# weakrefs to cyclic garbage are cleared before __del__ runs, even if __del__ resurrects it
import gc, weakref
gc.disable()
gc.collect()
keep = []
class R(object):
    def __del__(self):
        print('del; weakref alive?', w() is not None)
        keep.append(self)
def cb(ref):
    print('callback')
def make():
    r = R()
    r.me = r
    return weakref.ref(r, cb)
w = make()
print('collected', gc.collect())
print(w() is None, len(keep), len(gc.garbage))
w2 = weakref.ref(keep[0]) if keep else None
print(w2 is None or w2() is keep[0])
