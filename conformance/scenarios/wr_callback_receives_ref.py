# A callback is called with the weakref object itself; deleting the weakref first means the callback never runs.
import weakref
class C(object):
    pass
seen = []
def cb(ref):
    seen.append(ref)
o = C()
r = weakref.ref(o, cb)
del o
print("callback got the same ref: %s" % (seen[0] is r))
o2 = C()
r2 = weakref.ref(o2, cb)
del r2
del o2
print("callbacks after deleting the ref first: %d" % len(seen))
