# profiles: 3.12
# test_gc.test_get_objects: a self-list moves gen0 -> gen1 -> gen2 with collect(0), collect(1) and stays after collect(2).
import gc
gc.disable()
gc.collect()
l = []
l.append(l)
def where():
    return [any(l is e for e in gc.get_objects(generation=g)) for g in range(3)]
print("new: %r" % (where(),))
gc.collect(generation=0)
print("after collect(0): %r" % (where(),))
gc.collect(generation=1)
print("after collect(1): %r" % (where(),))
gc.collect(generation=2)
print("after collect(2): %r" % (where(),))
print("in get_objects(): %s" % any(l is e for e in gc.get_objects()))
print("in get_objects(None): %s" % any(l is e for e in gc.get_objects(None)))
print("result list not in itself: %s" % (lambda r: not any(e is r for e in r))(gc.get_objects()))
