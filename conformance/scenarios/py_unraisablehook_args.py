# profiles: 3.12
# sys.unraisablehook gets an UnraisableHookArgs structseq for each "Exception ignored" report: __del__, weakref and gc callbacks, generators, atexit.
import sys, gc, weakref, atexit
seen = []
def hook(u):
    seen.append(u)
    obj = u.object
    print("hook:", u.exc_type.__name__, str(u.exc_value), u.err_msg, type(obj).__name__,
          getattr(obj, '__qualname__', None), u.exc_traceback.tb_lineno,
          u.exc_value.__traceback__ is u.exc_traceback)
sys.unraisablehook = hook
print(sys.unraisablehook is hook, sys.__unraisablehook__)
class A:
    def __del__(self):
        raise ValueError("in del")
a = A()
del a
u = seen[0]
print(type(u), type(u).__name__, isinstance(u, tuple), len(u), gc.is_tracked(u))
print(u[0], u[1], u[3], u[4] is u.object)
print(type(u).n_fields, type(u).n_sequence_fields, type(u).n_unnamed_fields)
print(repr(u).split(" at 0x")[0])
class B: pass
b = B()
def cb(r):
    raise KeyError("cb")
r = weakref.ref(b, cb)
del b
def gccb(phase, info):
    if phase == "stop":
        raise TypeError("gc callback")
gc.callbacks.append(gccb)
gc.collect()
gc.callbacks.remove(gccb)
def gen():
    try:
        yield 1
    finally:
        raise IndexError("gen")
g = gen()
next(g)
del g
print("generator kept by the hook:", type(seen[-1].object).__name__, seen[-1].object.gi_frame)
class Cyc:
    def __del__(self):
        raise RuntimeError("in a collection")
c = Cyc()
c.self = c
del c
gc.collect()
print("cycle member kept by the hook:", type(seen[-1].object).__name__)
def at_exit():
    raise OSError("at exit")
atexit.register(at_exit)
print(len(seen), "reports")
