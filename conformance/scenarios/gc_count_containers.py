# Spec 4.2: objects freed for cycles through an instance-keyed dict, a set, a 3-list ring and nested tuples.
import gc
gc.disable()
gc.collect()
class K(object):
    pass
def keyed_dict():
    k = K()
    k.d = {k: 1}
keyed_dict()
print("instance-keyed dict cycle: %d" % gc.collect())
def instance_set():
    k = K()
    k.s = set([k])
instance_set()
print("instance <-> set: %d" % gc.collect())
def ring():
    a, b, c = [], [], []
    a.append(b)
    b.append(c)
    c.append(a)
ring()
print("3-list ring: %d" % gc.collect())
def tuple_cycle():
    l = []
    t = ((l,), 1)
    l.append(t)
tuple_cycle()
print("list <-> nested tuples: %d" % gc.collect())
