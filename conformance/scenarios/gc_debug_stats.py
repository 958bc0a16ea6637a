# DEBUG_STATS lines (captured by replacing sys.stderr): header per collection and the done line's wording per version.
import gc, sys
class Capture(object):
    def __init__(self):
        self.text = ""
    def write(self, s):
        self.text += s
    def flush(self):
        pass
def mask(line):
    if "objects in each generation" in line or "permanent generation" in line:
        return line.rsplit(":", 1)[0] + ": N..."
    return line
gc.disable()
gc.collect()
cap = Capture()
sys.stderr = cap
gc.set_debug(gc.DEBUG_STATS)
gc.collect()
l = []
l.append(l)
del l
gc.collect(0)
a = []
b = [a]
a.append(b)
del a, b
gc.collect(1)
gc.set_debug(0)
sys.stderr = sys.__stderr__
for line in cap.text.splitlines():
    print(mask(line))
