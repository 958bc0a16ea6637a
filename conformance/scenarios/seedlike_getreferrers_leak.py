# seed 15 variation: gc.get_referrers and get_referents name who holds a leaked object and what it holds.
import gc
class Conn(object):
    pass
class Pool(object):
    def __init__(self):
        self.idle = []
        self.busy = {}
pool = Pool()
c = Conn()
c.pool = pool
pool.idle.append(c)
pool.busy[1] = c
refs = gc.get_referrers(c)
print(sorted(type(r).__name__ for r in refs))
print("idle list among referrers: %s" % any(r is pool.idle for r in refs))
print("busy dict among referrers: %s" % any(r is pool.busy for r in refs))
del refs
held = gc.get_referents(c.__dict__)
print("conn dict refers to pool: %s" % any(x is pool for x in held))
print("pool dict holds: %s" % sorted(type(x).__name__ for x in gc.get_referents(pool.__dict__)))
print("referents of the pool instance: %s" % sorted(type(x).__name__ for x in gc.get_referents(pool)))
