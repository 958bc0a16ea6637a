# profiles: 3.12
# gc.callbacks: one info dict shared by all callbacks of a phase; stop reports collected and uncollectable.
import gc
gc.disable()
gc.collect()
log = []
def first(phase, info):
    info['seen_by_first'] = phase
    log.append("first %s %r" % (phase, sorted(info.items())))
def second(phase, info):
    log.append("second %s %r" % (phase, sorted(info.items())))
gc.callbacks.append(first)
gc.callbacks.append(second)
class Node:
    pass
a = Node()
b = Node()
a.b = b
b.a = a
del a, b
n = gc.collect(1)
gc.callbacks[:] = []
for line in log:
    print(line)
print("returned: %d" % n)
