# profiles: 3.12
# A callback that removes itself from gc.callbacks makes the next callback be skipped for that phase.
import gc
gc.disable()
gc.collect()
def once(phase, info):
    print("once: %s" % phase)
    gc.callbacks.remove(once)
def a(phase, info):
    print("a: %s" % phase)
def b(phase, info):
    print("b: %s" % phase)
gc.callbacks.extend([once, a, b])
gc.collect()
print("second collection")
gc.collect()
gc.callbacks[:] = []
