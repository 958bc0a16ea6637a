# test_weakref.test_callable_proxy: a proxy to a callable object is callable and of CallableProxyType.
import weakref
class Callable(object):
    bar = None
    def __call__(self, x):
        self.bar = x
        return "called with %r" % (x,)
o = Callable()
p = weakref.proxy(o)
print("type is CallableProxyType: %s" % (type(p) is weakref.CallableProxyType))
print("type name: %s" % type(p).__name__)
print(p("twinkies"))
print("state changed: %s" % o.bar)
print("proxy to a class is callable: %s" % (type(weakref.proxy(Callable)) is weakref.CallableProxyType))
class Plain(object):
    pass
print("non-callable referent gives ProxyType: %s" % (type(weakref.proxy(Plain())) is weakref.ProxyType))
keep = Plain()
q = weakref.proxy(keep)
try:
    q()
except (TypeError, ReferenceError) as e:
    print("calling a non-callable proxy: %s: %s" % (type(e).__name__, e))
dead = weakref.proxy(Callable())
try:
    dead(1)
except (TypeError, ReferenceError) as e:
    print("calling a dead callable proxy: %s: %s" % (type(e).__name__, e))
