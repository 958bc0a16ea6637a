# profiles: 2.7
# gc.get_count() before any collection around isinstance/issubclass (2.7 binds the metatype's
# __instancecheck__/__subclasscheck__ and calls it with a 1-tuple unless type(x) is cls), classes
# with several bases (one shared weak reference in each base's tp_subclasses list), and
# dict.update(d)/dict(d) (which look d.keys up first).
import gc
class A(object):
    pass
class B(object):
    pass
print(gc.get_count())
class C(A, B):
    pass
print(gc.get_count())
class D(C, B):
    pass
print(gc.get_count())
c = C()
print(gc.get_count())
r1 = isinstance(c, C)
print(gc.get_count())
r2 = isinstance(c, (int, str, A))
print(gc.get_count())
r3 = issubclass(D, (B, A))
r4 = issubclass(C, object)
print(gc.get_count())
d = {'a': 1}
d.update({'b': 2})
print(gc.get_count())
e = dict(d)
f = d.copy()
print(gc.get_count())
d.update([('c', 3)])
print(gc.get_count())
