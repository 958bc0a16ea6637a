# profiles: 3.12
# test_gc.test_get_objects_arguments: errors for out-of-range and non-integer generations.
import gc
gc.disable()
gc.collect()
print("same length with None: %s" % (len(gc.get_objects()) == len(gc.get_objects(generation=None))))
for arg in [1000, 3, -1000, -2, "1", 1.234]:
    try:
        gc.get_objects(arg)
        print("%r: ok" % (arg,))
    except (ValueError, TypeError) as e:
        print("%r: %s: %s" % (arg, type(e).__name__, e))
print("-1 means all: %s" % (len(gc.get_objects(-1)) == len(gc.get_objects())))
