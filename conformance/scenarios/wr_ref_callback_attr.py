# profiles: 3.12
# ref.__callback__: the callback while alive, None after death and for plain refs; refs do not order.
import weakref
class C:
    pass
def cb(r):
    print("cb ran, __callback__ now %r" % (r.__callback__,))
o = C()
r = weakref.ref(o, cb)
plain = weakref.ref(o)
print("__callback__ is cb: %s" % (r.__callback__ is cb))
print("plain: %r" % (plain.__callback__,))
try:
    r.__callback__ = None
except AttributeError as e:
    print("assign: AttributeError: %s" % e)
try:
    r < plain
except TypeError as e:
    print("order: TypeError: %s" % e)
print("== other type: %s, != : %s" % (r == 1, r != 1))
del o
print("after: %r" % (r.__callback__,))
p = weakref.proxy(C())
print("type names: %s %s" % (weakref.ReferenceType.__name__, weakref.ProxyType.__name__))
print("qualified: %r %r" % (type(r), type(p)))
