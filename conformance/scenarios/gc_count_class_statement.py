# gc.get_count()[0] across class statements, with the free lists made explicit: the tuple free
# lists are filled first (how full CPython 3.12 leaves them depends on the script), the dict free
# list is drained, so each dict the statement makes counts. 3.12 also counts the weak reference
# recorded in the bases' subclass dicts, a base's first such dict, and set_names' dict copy.
import gc
gc.disable()
g = gc.get_count
tmp = [tuple([i] * n) for n in range(1, 8) for i in range(2100)]
del tmp
keep = [{} for i in range(100)]
deltas = []
c = g()[0]
class A(object):
    pass
deltas.append(('A', g()[0] - c)); c = g()[0]
class B(A):
    pass
deltas.append(('B(A)', g()[0] - c)); c = g()[0]
class C(A):
    pass
deltas.append(('C(A)', g()[0] - c)); c = g()[0]
class D(B, C):
    pass
deltas.append(('D(B, C)', g()[0] - c)); c = g()[0]
class L(list):
    pass
deltas.append(('L(list)', g()[0] - c)); c = g()[0]
class E(Exception):
    pass
deltas.append(('E(Exception)', g()[0] - c)); c = g()[0]
class K(KeyError):
    pass
deltas.append(('K(KeyError)', g()[0] - c)); c = g()[0]
class I(int):
    pass
deltas.append(('I(int)', g()[0] - c)); c = g()[0]
class S(object):
    __slots__ = ()
deltas.append(('S slots', g()[0] - c)); c = g()[0]
d1 = {}
deltas.append(('{}', g()[0] - c)); c = g()[0]
d2 = {}
deltas.append(('{}', g()[0] - c)); c = g()[0]
d3 = {}
deltas.append(('{}', g()[0] - c)); c = g()[0]
for name, n in deltas:
    print('%s %d' % (name, n))
