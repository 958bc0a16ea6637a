# seed 3 variation: objgraph.count and by_type watch cycles of several shapes pile up and disappear after gc.collect().
import gc, objgraph
class A(object):
    pass
class B(object):
    pass
def self_cycle():
    a = A()
    a.me = a
def pair():
    a, b = A(), B()
    a.b = b
    b.a = a
def via_list():
    b = B()
    b.items = [b]
gc.disable()
gc.collect()
for fn in (self_cycle, pair, via_list, pair):
    fn()
    print("%s: A=%d B=%d" % (fn.__name__, objgraph.count('A'), objgraph.count('B')))
print("A objects have: %s" % sorted(sorted(vars(o)) for o in objgraph.by_type('A')))
print("collect: %d" % gc.collect())
print("after: A=%d B=%d" % (objgraph.count('A'), objgraph.count('B')))
