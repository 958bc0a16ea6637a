# profiles: 3.12
# FinalizeTestCase.test_order: finalizers of one object run newest first at death; detached/called ones do not.
import weakref
class A:
    pass
a = A()
res = []
f1 = weakref.finalize(a, res.append, 'f1')
f2 = weakref.finalize(a, res.append, 'f2')
f3 = weakref.finalize(a, res.append, 'f3')
f4 = weakref.finalize(a, res.append, 'f4')
f5 = weakref.finalize(a, res.append, 'f5')
del f1, f4
print("alive: %s %s %s" % (f2.alive, f3.alive, f5.alive))
print("detach f5 truthy: %s, alive: %s" % (bool(f5.detach()), f5.alive))
f5()
res.append('A')
f3()
res.append('B')
f3()
res.append('C')
del a
res.append('D')
f2()
print("order: %r" % (res,))
