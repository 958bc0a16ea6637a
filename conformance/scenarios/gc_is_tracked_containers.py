# test_gc.test_is_tracked: containers, functions, classes, instances, modules and iterators are tracked.
import gc, sys
class UserClass(object):
    def meth(self):
        pass
class UserInt(int):
    pass
class UserFloatSlots(float):
    __slots__ = ()
def func():
    pass
x = 5
rows = [("gc module", gc), ("sys module", sys), ("user class", UserClass),
        ("instance", UserClass()), ("int subclass", UserInt()), ("float subclass slots", UserFloatSlots()),
        ("list", []), ("list of ints", [1, 2]), ("set", set()), ("frozenset", frozenset()),
        ("function", func), ("lambda", lambda: 0), ("bound method", UserClass().meth),
        ("runtime tuple", (x, 'a')), ("tuple with list", (1, [])),
        ("list iterator", iter([])), ("slice", slice(1, 2)), ("exception", ValueError("v")),
        ("property", property()), ("staticmethod", staticmethod(func))]
for label, value in rows:
    print("%-20s %s" % (label, gc.is_tracked(value)))
