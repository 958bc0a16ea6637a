# Spec 15: exact count0 right after a full collection and after creating one list (free-list detail: 2.7 (1,0,0), 3.12 (2,0,0)).
import gc
gc.disable()
gc.collect()
a = gc.get_count()
x = []
b = gc.get_count()
print("after collect: %r" % (a,))
print("after x = []: %r" % (b,))
