# test_gc.test_dict: a dict holding itself as a value is one collectable object.
import gc
gc.disable()
gc.collect()
d = {}
d[1] = d
print("tracked after self-insert: %s" % gc.is_tracked(d))
print("collect while referenced: %d" % gc.collect())
del d
print("collect after del: %d" % gc.collect())
