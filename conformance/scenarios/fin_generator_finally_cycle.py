# a suspended generator with a finally clause inside a cycle: 3.12 closes it, 2.7 leaves it in gc.garbage
import gc
gc.disable()
gc.collect()
def gen(holder):
    try:
        yield 1
        yield 2
    finally:
        print('finally runs')
def make():
    holder = []
    g = gen(holder)
    holder.append(g)
    next(g)
make()
n = gc.collect()
print('collected', n)
print([type(o).__name__ for o in gc.garbage])
del gc.garbage[:]
def make2():
    holder = []
    g = gen(holder)
    holder.append(g)
make2()
print('collected', gc.collect())
print(len(gc.garbage))
