# a 3.12 generator's frame keeps its function alive until it finishes; 2.7 generators only keep the code
import gc, sys
gc.disable()
gc.collect()
def outer():
    def g():
        yield 1
    return g
g = outer()
print(sys.getrefcount(g))
x = g()
print(sys.getrefcount(g))
next(x)
print(sys.getrefcount(g))
list(x)
print(sys.getrefcount(g))
print([type(o).__name__ for o in gc.get_referents(x)])
def genexpr_cycle():
    l = []
    l.append(x for x in l)
genexpr_cycle()
print('genexpr cycle', gc.collect())
def gen_cycle():
    def inner(box):
        yield box
    box = []
    box.append(inner(box))
gen_cycle()
print('nested generator cycle', gc.collect())
