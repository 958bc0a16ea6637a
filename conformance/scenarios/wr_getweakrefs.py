# test_weakref.test_getweakrefcount / test_getweakrefs: counts and lists of weakrefs, before and after they die.
import weakref
class C(object):
    pass
def cb(ref):
    pass
o = C()
print("none yet: %d %r" % (weakref.getweakrefcount(o), weakref.getweakrefs(o)))
r1 = weakref.ref(o, cb)
r2 = weakref.ref(o, cb)
print("two callback refs: %d" % weakref.getweakrefcount(o))
refs = weakref.getweakrefs(o)
print("getweakrefs has both: %s" % (len(refs) == 2 and r1 in refs and r2 in refs))
del refs
del r1
print("after del r1: %d" % weakref.getweakrefcount(o))
p = weakref.proxy(o)
print("plus a proxy: %d" % weakref.getweakrefcount(o))
print("int: %d %r" % (weakref.getweakrefcount(1), weakref.getweakrefs(1)))
del o
print("after referent died: %d" % weakref.getweakrefcount(C()))
