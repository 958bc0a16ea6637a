# gc.collect() return values for cycles through iterators, sets, properties, super, views
import gc
gc.disable()
gc.collect()
def it_cycle():
    l = []
    l.append(iter(l))
it_cycle()
print('iterator', gc.collect())
class H(object):
    pass
def set_cycle():
    h = H()
    h.s = set([h])
set_cycle()
print('set', gc.collect())
def prop_cycle():
    class P(object):
        pass
    p = property(lambda self: P)
    P.p = p
prop_cycle()
print('property class', gc.collect())
def super_cycle():
    class B(object):
        pass
    b = B()
    b.s = super(B, b)
super_cycle()
print('super', gc.collect())
def view_cycle():
    d = {}
    d[1] = d.values()
view_cycle()
print('dict view', gc.collect())
def gen_expr_cycle():
    l = []
    g = (x for x in l)
    l.append(g)
gen_expr_cycle()
print('genexpr', gc.collect())
def lambda_default():
    l = []
    f = lambda x=l: x
    l.append(f)
lambda_default()
print('lambda default', gc.collect())
def enum_cycle():
    l = []
    l.append(enumerate(l))
enum_cycle()
print('enumerate', gc.collect())
