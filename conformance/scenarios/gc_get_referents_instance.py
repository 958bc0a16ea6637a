# get_referents of an instance: 2.7 [dict, class]; 3.12 inline attribute values then the class, until __dict__ is read.
import gc
class A(object):
    pass
a = A()
print("fresh: %r" % ([type(r).__name__ for r in gc.get_referents(a)],))
a.b = [1]
a.s = 'str'
print("with attributes: %r" % ([type(r).__name__ for r in gc.get_referents(a)],))
d = a.__dict__
print("after reading __dict__: %r" % ([type(r).__name__ for r in gc.get_referents(a)],))
class Classic:
    pass
c = Classic()
print("plain class instance: %r" % ([type(r).__name__ for r in gc.get_referents(c)],))
