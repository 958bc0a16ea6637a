# Spec 1.4: thresholds (10, 2, 2) and one surviving list per iteration: count1/count2 pattern of automatic collections.
import gc
gc.disable()
gc.collect()
gc.set_threshold(10, 2, 2)
keep = []
seen = []
gc.enable()
for i in range(60):
    keep.append([])
    c = gc.get_count()
    seen.append((c[1], c[2]))
gc.disable()
gc.set_threshold(700, 10, 10)
changes = []
for k in range(len(seen)):
    if k == 0 or seen[k] != seen[k - 1]:
        changes.append((k, seen[k]))
print("(iteration, (count1, count2)) changes:")
for item in changes:
    print("  %d %r" % item)
