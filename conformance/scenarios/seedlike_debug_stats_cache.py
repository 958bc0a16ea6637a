# seed 14 variation: DEBUG_STATS around collections of a leaked cache cycle, captured and masked.
import gc, sys
class Capture(object):
    def __init__(self):
        self.lines = []
    def write(self, s):
        self.lines.append(s)
    def flush(self):
        pass
def mask(line):
    if "objects in each generation" in line or "permanent generation" in line:
        return line.rsplit(":", 1)[0] + ": N..."
    return line
class Entry(object):
    pass
def fill(cache, n):
    for i in range(n):
        e = Entry()
        e.cache = cache
        cache[i] = e
gc.disable()
gc.collect()
cap = Capture()
sys.stderr = cap
gc.set_debug(gc.DEBUG_STATS)
c = {}
fill(c, 3)
del c
r1 = gc.collect(0)
r2 = gc.collect()
gc.set_debug(0)
sys.stderr = sys.__stderr__
for line in "".join(cap.lines).splitlines():
    print(mask(line))
print("collected: %d then %d" % (r1, r2))
