# profiles: 3.12
# gc.collect() called from a gc callback during a collection returns 0 and does nothing.
import gc
gc.disable()
gc.collect()
results = []
def cb(phase, info):
    results.append((phase, gc.collect()))
gc.callbacks.append(cb)
l = []
l.append(l)
del l
n = gc.collect()
gc.callbacks.remove(cb)
print("outer collect: %d" % n)
print("nested results: %r" % (results,))
