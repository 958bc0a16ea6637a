# sys.version_info is a structseq made by C code: never tracked (and in 2.7 not even a GC object,
# so gc.get_referents sees nothing in it); copies made from Python are ordinary tuples.
import gc, sys
v = sys.version_info
print(gc.is_tracked(v))
print(len(gc.get_referents(v)) in (0, 5), len(gc.get_referents(v)))
print(any(o is v for o in gc.get_objects()))
print(v[:2] == (v.major, v.minor), v.releaselevel, v.serial)
t = tuple(v)
print(type(t).__name__, gc.is_tracked(t))
gc.collect()
print(gc.is_tracked(t), gc.is_tracked(v))
pair = (v, [])
print(gc.is_tracked(pair))
