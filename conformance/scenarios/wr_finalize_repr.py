# profiles: 3.12
# weakref.finalize: repr alive and dead, atexit attribute, finalize of an unreferenceable object, and kwargs named func/obj.
import weakref
class A:
    pass
a = A()
f = weakref.finalize(a, print, 'finalizer ran')
print("repr alive: %r" % (f,))
print("atexit default: %s, alive: %s" % (f.atexit, f.alive))
g = weakref.finalize(a, lambda **kw: print(sorted(kw.items())), func=1, obj=2)
del a
print("repr dead: %r" % (f,))
print("alive: %s %s, peek %r, detach %r" % (f.alive, g.alive, f.peek(), f.detach()))
try:
    weakref.finalize(1, print)
except TypeError as e:
    print("int: TypeError: %s" % e)
b = A()
h = weakref.finalize(b, print, 'called explicitly')
print("call result: %r" % (h(),))
print("second call: %r" % (h(),))
del b
print("end")
