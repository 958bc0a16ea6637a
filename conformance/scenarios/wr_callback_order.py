# test_weakref.test_multiple_callbacks: several callback weakrefs to one object fire newest first, each with its own ref.
import weakref
class C(object):
    pass
log = []
def make_cb(name):
    def cb(ref):
        log.append("%s (ref dead: %s)" % (name, ref() is None))
    return cb
o = C()
r1 = weakref.ref(o, make_cb("cb1"))
r2 = weakref.ref(o, make_cb("cb2"))
r3 = weakref.ref(o, make_cb("cb3"))
plain = weakref.ref(o)
print("count: %d" % weakref.getweakrefcount(o))
del o
for line in log:
    print(line)
