# Instances of list/tuple/dict subclasses refer to their class (subtype_traverse visits the
# type before the builtin's own items), so a class kept alive only through its own instance is
# a cycle the collector frees, and gc.get_referrers(cls) lists the instances.
import gc


class L(list):
    pass


class T(tuple):
    pass


class D(dict):
    pass


gc.disable()
for cls in (L, T, D):
    inst = cls()
    print(cls.__name__, inst in gc.get_referrers(cls))
    del inst

L.inst = L()
del L
print("collected the list subclass:", gc.collect() > 0)
T.inst = T((1, 2))
del T
print("collected the tuple subclass:", gc.collect() > 0)
D.inst = D(a=1)
del D
print("collected the dict subclass:", gc.collect() > 0)
print(gc.collect())
