# profiles: 3.12
# finalize's properties: alive is read-only, atexit can be set but not deleted; their docstrings; peek of a finalizer.
import weakref
class A:
    pass
a = A()
f = weakref.finalize(a, len, [])
for label, action in [("set alive", lambda: setattr(f, 'alive', False)),
                      ("del alive", lambda: delattr(f, 'alive')),
                      ("del atexit", lambda: delattr(f, 'atexit'))]:
    try:
        action()
        print("%s: ok" % label)
    except AttributeError as e:
        print("%s: AttributeError: %s" % (label, e))
f.atexit = 0
print("atexit after setting 0: %r" % (f.atexit,))
print("alive doc: %s" % weakref.finalize.alive.__doc__)
print("atexit doc: %s" % weakref.finalize.atexit.__doc__)
print("alive fset: %r" % (weakref.finalize.alive.fset,))
obj, func, args, kwargs = f.peek()
print("peek: %s %s %r %r" % (obj is a, func is len, args, kwargs))
del a
print("after death: %s %r" % (f.alive, f.atexit))
