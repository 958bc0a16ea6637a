# profiles: 3.12
# A raising callback and a non-callable entry in gc.callbacks are reported as unraisable; the collection goes on.
import gc
gc.disable()
gc.collect()
def bad(phase, info):
    raise RuntimeError("callback failed in %s" % phase)
def good(phase, info):
    print("good: %s collected=%d" % (phase, info['collected']))
gc.callbacks.append(bad)
gc.callbacks.append(42)
gc.callbacks.append(good)
l = []
l.append(l)
del l
n = gc.collect()
gc.callbacks[:] = []
print("collect: %d" % n)
