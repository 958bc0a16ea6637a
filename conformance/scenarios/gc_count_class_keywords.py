# profiles: 3.12
# gc.get_count()[0] across 3.12 class statements with keywords and a Python __init_subclass__,
# tuple free lists filled and the dict free list drained first: __build_class__ keeps the
# keywords in a dict, type's call turns them into another for type_new, __init_subclass__ is
# found through a super object and bound; then how many dicts the free list got back.
import gc
gc.disable()
g = gc.get_count
tmp = [tuple([i] * n) for n in range(1, 8) for i in range(2100)]
del tmp
keep = [{} for i in range(100)]
deltas = []
c = g()[0]
class Base:
    def __init_subclass__(cls, flag=0, **kw):
        cls.flag = flag
deltas.append(('Base', g()[0] - c)); c = g()[0]
class K1(Base):
    pass
deltas.append(('K1(Base)', g()[0] - c)); c = g()[0]
class K2(Base, flag=1):
    pass
deltas.append(('K2(Base, flag=1)', g()[0] - c)); c = g()[0]
class Meta(type):
    pass
deltas.append(('Meta(type)', g()[0] - c)); c = g()[0]
class K3(metaclass=Meta):
    pass
deltas.append(('K3(metaclass=Meta)', g()[0] - c)); c = g()[0]
class K4(K3):
    pass
deltas.append(('K4(K3)', g()[0] - c)); c = g()[0]
for i in range(4):
    keep.append({})
    deltas.append(('{}', g()[0] - c)); c = g()[0]
for name, n in deltas:
    print('%s %d' % (name, n))
print(K1.flag, K2.flag)
