# seed 14 variation: gc.get_count and collect(generation) while a dict cache of linked records grows and is dropped.
import gc
class Record(object):
    def __init__(self, prev):
        self.prev = prev
def grow(cache, n):
    prev = None
    for i in range(n):
        prev = Record(prev)
        cache[i] = prev
gc.disable()
gc.collect()
print(gc.get_count())
cache = {}
grow(cache, 5)
print(gc.get_count())
print("collect(0): %d" % gc.collect(0))
print(gc.get_count())
cache[0].prev = cache[4]
del cache
print("collect(0) of an old cycle: %d" % gc.collect(0))
print("collect(1): %d" % gc.collect(1))
print("collect(2): %d" % gc.collect(2))
print(gc.get_count())
