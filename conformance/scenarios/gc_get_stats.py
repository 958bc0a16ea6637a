# profiles: 3.12
# test_gc.test_get_stats: three per-generation dicts; collect(0) and collect(2) bump only their own counters.
import gc
gc.disable()
stats = gc.get_stats()
print("generations: %d" % len(stats))
print("keys: %r" % (list(stats[0].keys()),))
old = gc.get_stats()
gc.collect(0)
new = gc.get_stats()
print("after collect(0): %r" % ([new[g]["collections"] - old[g]["collections"] for g in range(3)],))
gc.collect(2)
new = gc.get_stats()
print("after collect(2) too: %r" % ([new[g]["collections"] - old[g]["collections"] for g in range(3)],))
gc.collect(1)
new = gc.get_stats()
print("after collect(1) too: %r" % ([new[g]["collections"] - old[g]["collections"] for g in range(3)],))
