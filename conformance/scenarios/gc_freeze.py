# profiles: 3.12
# test_gc.test_freeze and spec 30/68: freeze moves everything to the permanent generation and resets the counts.
import gc
gc.disable()
gc.collect()
x = []
gc.collect(0)
gc.collect(1)
gc.collect(0)
print("counts before freeze: %r" % (gc.get_count(),))
gc.freeze()
print("counts after freeze: %r" % (gc.get_count(),))
print("freeze count positive: %s" % (gc.get_freeze_count() > 0))
print("frozen list still tracked: %s" % gc.is_tracked(x))
print("frozen list in get_objects: %s" % any(o is x for o in gc.get_objects()))
gc.unfreeze()
print("freeze count after unfreeze: %d" % gc.get_freeze_count())
print("list back in generation 2: %s" % any(o is x for o in gc.get_objects(2)))
