# Spec 4.6: traversal order of get_referents for lists, tuples, dicts and bound methods.
import gc
x = 7
print("list: %r" % (gc.get_referents(['a', 1, []]),))
print("tuple: %r" % (gc.get_referents((x, 'b', [])),))
print("dict with int keys: %r" % (gc.get_referents({1: 'one'}),))
print("dict str key -> list value: %r" % (gc.get_referents({'k1': [0]}),))
class A(object):
    def m(self):
        pass
a = A()
refs = gc.get_referents(a.m)
print("bound method: %r" % ([type(r).__name__ for r in refs],))
def outer():
    v = [1]
    def inner():
        return v
    return inner
f = outer()
print("closure tuple: %r" % ([type(r).__name__ for r in gc.get_referents(f.__closure__)],))
print("cell: %r" % (gc.get_referents(f.__closure__[0]),))
