# DEBUG_STATS header: young generation sizes right after a full collection and after a collect(0).
import gc, sys
class Capture(object):
    def __init__(self):
        self.lines = []
    def write(self, s):
        self.lines.append(s)
    def flush(self):
        pass
gc.disable()
gc.collect()
cap = Capture()
x = [[], [], []]
sys.stderr = cap
gc.set_debug(gc.DEBUG_STATS)
gc.collect(0)
gc.collect(1)
gc.set_debug(0)
sys.stderr = sys.__stderr__
for line in "".join(cap.lines).splitlines():
    if "objects in each generation" in line:
        print("gen0 and gen1 sizes: %s" % " ".join(line.split()[-3:-1]))
