# profiles: 3.12
# GCCallbackTests.test_collect: two callbacks see start then stop for one collect(), with the same info keys.
import gc
gc.disable()
gc.collect()
visit = []
def cb1(phase, info):
    visit.append((1, phase, sorted(info.items())))
def cb2(phase, info):
    visit.append((2, phase, sorted(info.items())))
gc.callbacks.append(cb1)
gc.callbacks.append(cb2)
gc.collect()
for v in visit:
    print("%d %s %r" % v)
del visit[:]
gc.collect(0)
print("collect(0) generations: %r" % ([v[2][1][1] for v in visit],))
gc.callbacks.remove(cb1)
gc.callbacks.remove(cb2)
