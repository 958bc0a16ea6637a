# profiles: 2.7
# gc.get_count() around exceptions, sets and builtin calls, before any collection: every
# exception match binds type.__subclasscheck__ (a builtin method, then kept on its free list)
# and calls it with a 1-tuple; sets come from their own free list; dict() does not take a dict
# from the free list; sorted() binds the new list's sort method.
import gc
print(gc.get_count())
try:
    raise ValueError('first')
except ValueError:
    pass
print(gc.get_count())
try:
    raise KeyError(1)
except (TypeError, KeyError) as e:
    pass
print(gc.get_count())
def fail():
    raise RuntimeError('inner')
for i in range(3):
    try:
        fail()
    except RuntimeError:
        pass
print(gc.get_count())
s = {1, 2, 3}
t = set()
u = frozenset([1])
print(gc.get_count())
comp = {i % 3 for i in range(9)}
print(gc.get_count())
d1 = {}
d2 = dict(a=1)
d3 = dict([(1, 2)])
print(gc.get_count())
r = sorted([3, 1, 2])
r2 = sorted((5, 4))
print(gc.get_count())
def gen(n):
    for i in range(n):
        yield i
g = list(gen(4))
h = tuple(gen(2))
print(gc.get_count())
