# profiles: 2.7
# gc.get_count() as classes are created and instantiated, before any collection: the bases
# tuple kept as __bases__, the metaclass call's (name, bases, dict) tuple, each base's
# tp_subclasses list and weak reference, __init__ called through a bound method with a
# (self, *args) tuple, the __enter__/__exit__ calls of a with statement.
import gc
print(gc.get_count())
class Base(object):
    def __init__(self, x):
        self.x = x
print(gc.get_count())
class Child(Base):
    pass
print(gc.get_count())
class GrandChild(Child):
    def method(self, a=1, b=(1, 2)):
        return a
print(gc.get_count())
b = Base(1)
print(gc.get_count())
objs = [Child(i) for i in range(12)]
print(gc.get_count())
class Manager(object):
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return False
print(gc.get_count())
with Manager() as m:
    pass
print(gc.get_count())
with Manager():
    with Manager():
        pass
print(gc.get_count())
del Child
print(gc.get_count())
