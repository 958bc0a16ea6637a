# profiles: 3.12
# test_gc.test_is_finalized: the PEP 442 finalized bit is set once __del__ has run during a collection.
import gc
gc.disable()
gc.collect()
print("int: %s" % gc.is_finalized(3))
storage = []
class Lazarus:
    def __del__(self):
        storage.append(self)
lazarus = Lazarus()
print("fresh instance: %s" % gc.is_finalized(lazarus))
lazarus.me = lazarus
del lazarus
print("collect: %d" % gc.collect())
lazarus = storage.pop()
print("resurrected instance: %s" % gc.is_finalized(lazarus))
plain = Lazarus()
del plain
plain = storage.pop()
print("resurrected by refcount death: %s" % gc.is_finalized(plain))
