# gc.get_count()[0] across class statements with the dict free list as a script leaves it
# (not empty), tuple free lists filled first; then classes dying in a young collection: in
# 3.12 each takes its entry out of its bases' subclass dicts, and an emptied dict goes back to
# the dict free list, which the dict displays after the collection draw from.
import gc
gc.disable()
g = gc.get_count
tmp = [tuple([i] * n) for n in range(1, 8) for i in range(2100)]
del tmp
deltas = []
c = g()[0]
class A0(object):
    pass
deltas.append(('A0', g()[0] - c)); c = g()[0]
class A1(object):
    pass
deltas.append(('A1', g()[0] - c)); c = g()[0]
class A2(object):
    x = 1
    def m(self):
        return self.x
deltas.append(('A2 attrs', g()[0] - c)); c = g()[0]
class S1(object):
    __slots__ = ('x', 'y')
deltas.append(('S1 slots', g()[0] - c)); c = g()[0]
class S2(object):
    __slots__ = 'x'
deltas.append(('S2 slots', g()[0] - c)); c = g()[0]
M = type('M', (A0,), {})
deltas.append(('type(M)', g()[0] - c)); c = g()[0]
for name, n in deltas:
    print('%s %d' % (name, n))
keep = [{} for i in range(100)]
class B0(object):
    pass
class B1(B0):
    pass
class B2(B0):
    pass
class B3(B1, B2):
    pass
del B0, B1, B2, B3
print('collected %d' % gc.collect(0))
got = []
for i in range(10):
    c = g()[0]
    keep.append({})
    got.append(g()[0] - c)
print('dicts after the collection %s' % got)
c = g()[0]
class B4(A0):
    pass
print('B4(A0) %d' % (g()[0] - c))
