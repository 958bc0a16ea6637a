# Proxies forward __class__, so isinstance() sees the referent's class; type() sees the proxy type.
import weakref
class Base(object):
    pass
class C(Base):
    kind = 'c'
    def __init__(self):
        self.attr = 1
o = C()
p = weakref.proxy(o)
print("isinstance C: %s, Base: %s" % (isinstance(p, C), isinstance(p, Base)))
print("__class__: %s" % p.__class__.__name__)
print("type: %s" % type(p).__name__)
print("class attr: %s" % p.kind)
print("hasattr attr: %s, missing: %s" % (hasattr(p, 'attr'), hasattr(p, 'nothing')))
print("getattr default: %r" % getattr(p, 'nothing', 'dflt'))
try:
    p.nothing
except AttributeError as e:
    print("AttributeError: %s" % e)
print("__dict__ keys: %r" % sorted(p.__dict__.keys()))
print("p is o: %s, p == o: %s" % (p is o, p == o))
try:
    weakref.proxy(p)
except TypeError as e:
    print("proxy of proxy: TypeError: %s" % e)
