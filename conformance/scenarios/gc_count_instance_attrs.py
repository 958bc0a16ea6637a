# Spec 4.2: a 2-instance cycle with extra attribute payloads: dict and list values, tuple values.
import gc
gc.disable()
gc.collect()
class N(object):
    pass
def with_data():
    a, b = N(), N()
    a.b = b
    b.a = a
    a.data = {'x': 1}
    b.data = [1, 2]
with_data()
print("cycle + dict + list payload: %d" % gc.collect())
def with_tuples():
    a, b = N(), N()
    a.b = b
    b.a = a
    a.t = (1, 2)
    b.t = (a,)
with_tuples()
print("cycle + tuple payloads: %d" % gc.collect())
def list_with_plain_instance():
    l = []
    l.append(l)
    l.append(N())
list_with_plain_instance()
print("self-list holding a bare instance: %d" % gc.collect())
def list_with_instance_list_attr():
    l = []
    l.append(l)
    n = N()
    n.items = [1]
    l.append(n)
list_with_instance_list_attr()
print("self-list holding an instance with a list attribute: %d" % gc.collect())
