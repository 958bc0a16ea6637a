# profiles: 3.12
# GCCallbackTests.test_collect_generation plus automatic collections: callbacks see the generation collected.
import gc
gc.disable()
gc.collect()
gens = []
def cb(phase, info):
    if phase == "start":
        gens.append(info["generation"])
gc.callbacks.append(cb)
gc.collect(2)
gc.collect(1)
gc.collect(0)
gc.collect()
print("manual: %r" % (gens,))
del gens[:]
gc.set_threshold(10, 2, 2)
gc.enable()
keep = []
for i in range(100):
    keep.append([])
gc.disable()
gc.callbacks.remove(cb)
print("automatic (100 lists, thresholds 10/2/2): %r" % (gens,))
