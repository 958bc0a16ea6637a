# enumerate and dict item iterators cache a result tuple: visited by the collector and reused when free
import gc, sys
gc.disable()
gc.collect()
def names(o):
    return [type(x).__name__ for x in gc.get_referents(o)]
l = [1, 2]
print(names(enumerate(l)))
d = {1: [2], 3: [4]}
it = d.iteritems() if sys.version_info[0] == 2 else iter(d.items())
print(names(it))
def enum_cycle():
    l = []
    l.append(enumerate(l))
enum_cycle()
print('enumerate cycle', gc.collect())
def items_cycle():
    d = {}
    d[1] = iter(d.iteritems() if sys.version_info[0] == 2 else d.items())
items_cycle()
print('items cycle', gc.collect())
e = enumerate([[1], [2], [3]])
a = next(e)
print(sys.getrefcount(a), gc.is_tracked(a))
b = next(e)
print(a is b)
ia = id(a)
del a, b
c = next(e)
print(id(c) == ia, c)
