# Inside a weakref callback on refcount death the referent is already unreachable through every weakref.
import weakref
class C(object):
    pass
o = C()
other = weakref.ref(o)
seen = []
def cb(r):
    seen.append((r() is None, other() is None, weakref.getweakrefcount(r)))
r = weakref.ref(o, cb)
del o
print("in callback: ref dead %s, other ref dead %s, weakrefs to the ref %d" % seen[0])
