# profiles: 3.12
# weakref.WeakMethod: alive while the object lives, dead with it; object-dead and method-dead callbacks; equality.
import weakref, gc
gc.disable()
class Object:
    def __init__(self, arg):
        self.arg = arg
    def some_method(self):
        return 4
    def other_method(self):
        return 5
o = Object(1)
r = weakref.WeakMethod(o.some_method)
print("isinstance ref: %s" % isinstance(r, weakref.ref))
print("deref gives a bound method: %s" % (r() == o.some_method))
print("call: %d" % r()())
print("equal WeakMethods: %s" % (weakref.WeakMethod(o.some_method) == r))
print("different methods differ: %s" % (weakref.WeakMethod(o.other_method) != r))
calls = []
r2 = weakref.WeakMethod(o.some_method, calls.append)
del o
print("dead: %s" % (r() is None))
print("callback called with the WeakMethod: %s" % (len(calls) == 1 and calls[0] is r2))
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError: %s" % e)
