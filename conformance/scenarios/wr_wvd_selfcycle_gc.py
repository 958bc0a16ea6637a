# Spec 55: a WeakValueDictionary value in a self-cycle: the collection counts the entry's weakref too; len is 0 after.
import gc, weakref
gc.disable()
gc.collect()
class C(object):
    pass
wvd = weakref.WeakValueDictionary()
v = C()
v.me = v
wvd[1] = v
print("len before: %d" % len(wvd))
del v
print("collect: %d" % gc.collect())
print("len after: %d" % len(wvd))
