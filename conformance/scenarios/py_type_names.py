# type(x).__name__ for common objects: several names differ between 2.7 and 3.12.
import sys, weakref
class A(object):
    def m(self):
        pass
class Old:
    pass
def f():
    pass
values = [1, 2 ** 70, 1.5, 'text', u'unicode', None, True, [], (), {}, set(), f, A, A(), A().m,
          Old, Old(), len, sys, range(3), iter([]), weakref.ref(A), type]
print([type(v).__name__ for v in values])
