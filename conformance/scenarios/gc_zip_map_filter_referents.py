# profiles: 3.12
# zip keeps its iterators in a tuple plus a reusable result tuple; map keeps (iters, func); filter (it, func)
import gc, sys
gc.disable()
gc.collect()
def names(o):
    return [type(x).__name__ for x in gc.get_referents(o)]
l = [1, 2]
print(names(zip(l, l)))
print(names(map(len, l)))
print(names(filter(None, l)))
def zip_cycle():
    l = []
    l.append(zip(l))
zip_cycle()
print('zip cycle', gc.collect())
def map_cycle():
    l = []
    l.append(map(len, l, l))
map_cycle()
print('map cycle', gc.collect())
z = zip([[1], [2]], 'ab')
a = next(z)
print(sys.getrefcount(a), a)
ia = id(a)
del a
b = next(z)
print(id(b) == ia, b)
print(list(zip()), list(zip([1], [])))
