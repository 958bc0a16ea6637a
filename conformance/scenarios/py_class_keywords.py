# profiles: 3.12
# Class keywords go to the metaclass and to the parent's __init_subclass__; __set_name__ runs for descriptors.
class D(object):
    def __set_name__(self, owner, name):
        print("set_name %s %s" % (owner.__name__, name))
class Base(object):
    def __init_subclass__(cls, **kw):
        print("init_subclass %s %r" % (cls.__name__, sorted(kw.items())))
class C(Base, flag=1):
    d = D()
class E(Base):
    pass
print("done")
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__ %s %r" % (name, sorted(kw.items())))
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
class A2(metaclass=Meta, x=2):
    pass
class B(object):
    def __init_subclass__(cls):
        pass
try:
    class C(B, y=1):
        pass
except TypeError as e:
    print("TypeError: %s" % e)
print(type(A2).__name__)
