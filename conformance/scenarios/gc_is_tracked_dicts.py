# Dict tracking: born untracked, tracked once a container is stored, untracked again only by a full collection.
import gc
gc.disable()
gc.collect()
print("{}: %s" % gc.is_tracked({}))
print("{1: 2}: %s" % gc.is_tracked({1: 2}))
print("{'a': 'b'}: %s" % gc.is_tracked({'a': 'b'}))
print("{1: []}: %s" % gc.is_tracked({1: []}))
print("{'x': {}}: %s" % gc.is_tracked({'x': {}}))
d = {}
d['k'] = 1
print("after storing an int: %s" % gc.is_tracked(d))
d['l'] = []
print("after storing a list: %s" % gc.is_tracked(d))
d['l'] = 2
print("list replaced by an int: %s" % gc.is_tracked(d))
gc.collect(0)
print("after collect(0): %s" % gc.is_tracked(d))
gc.collect(1)
print("after collect(1): %s" % gc.is_tracked(d))
gc.collect(2)
print("after collect(2): %s" % gc.is_tracked(d))
e = {'x': {}}
gc.collect()
print("dict holding an empty dict after full collect: %s" % gc.is_tracked(e))
