# test_weakref.test_subclass_refs: a weakref.ref subclass with extra attributes; subclass refs are not shared.
import weakref
class MyRef(weakref.ref):
    def __init__(self, ob, callback=None, value=42):
        self.value = value
        super(MyRef, self).__init__(ob, callback)
    def __call__(self):
        self.called = True
        return super(MyRef, self).__call__()
class C(object):
    pass
o = C()
mr = MyRef(o, value=24)
print("deref: %s" % (mr() is o))
print("called flag: %s" % mr.called)
print("value: %d" % mr.value)
plain = weakref.ref(o)
print("plain ref is not the subclass ref: %s" % (plain is not mr))
print("isinstance ref: %s" % isinstance(mr, weakref.ref))
print("getweakrefcount: %d" % weakref.getweakrefcount(o))
log = []
def cb(r):
    log.append(r.value)
mr2 = MyRef(o, cb, value=7)
del o
print("dead: %s, callback saw value %r" % (mr() is None, log))
