# seed 6 variation: __del__ puts the dying object back into a module-level cache (a resurrection that leaks on purpose).
import gc
_pool = []
class Conn(object):
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("returning conn %d to the pool" % self.n)
        _pool.append(self)
gc.disable()
gc.collect()
c = Conn(1)
del c
print("pool: %s" % [x.n for x in _pool])
c = _pool.pop()
print("reused: %d" % c.n)
del c
print("pool after second del: %s" % [x.n for x in _pool])
d = Conn(2)
d.me = d
del d
print("collect: %d" % gc.collect())
print("pool: %s" % sorted(x.n for x in _pool))
print("garbage: %d" % len(gc.garbage))
