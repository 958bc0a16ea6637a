# profiles: 3.12
# test_weakref FinalizeTestCase.test_finalize: alive, peek, calling once, detach, and running at the object's death.
import weakref
class A:
    pass
res = []
def add(x, y, z):
    res.append(x + y + z)
    return x + y + z
a = A()
f = weakref.finalize(a, add, 67, 43, z=89)
print("alive: %s" % f.alive)
print("peek matches: %s" % (f.peek() == (a, add, (67, 43), {'z': 89})))
print("call: %r, again: %r" % (f(), f()))
print("peek after call: %r, detach: %r, alive: %s" % (f.peek(), f.detach(), f.alive))
f = weakref.finalize(a, add, 67, 43, 89)
d = f.detach()
print("detach returns the registration: %s" % (d == (a, add, (67, 43, 89), {})))
print("call after detach: %r" % (f(),))
del d
f = weakref.finalize(a, add, x=67, y=43, z=89)
del a
print("after death: alive %s, call %r" % (f.alive, f()))
print("results: %r" % (res,))
