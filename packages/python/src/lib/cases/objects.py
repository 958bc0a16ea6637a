# object, type, super, property, staticmethod, classmethod, isinstance.
!!
class A(object):
    @property
    def x(self): return 1
    y = property()
!!
!A().x = 2
!del A().x
A().y
!a = A(); a.y = 3
A.x
A.__dict__['x']
object().__eq__(1) if hasattr(object(), '__eq__') else 'none'
object.__format__(1, '')
2.7| object.__format__(1, 'x')
3.12| object.__format__(1, 'x')
format(object(), 'x')[:0] if False else 'skip'
!o = object(); o.x = 1
isinstance(1, 1)
issubclass(1, int)
issubclass(int, 1)
super(1, 1)
3.12| super()
type('X', (), {})
type('X', (1,), {})
type('X', ())
type(1, (), {})
type('X', [], {})
type('X', (), [])
type.__new__(int)
A.__name__
3.12| A.__qualname__
A.__module__
int.__module__
ValueError.__module__
A.__bases__
A.__mro__
A.mro()
!A.__name__ = 5
!int.__name__ = 'x'
A.x.fget
A.x.__doc__
A.__doc__
!class B(A): pass
super(B, B()).x
super(B, B())
super(B, B).x
super(B)
B.__base__
object.__base__
object.__bases__
A().__class__
A().__class__.__class__
!A().__class__ = int
!!
class E(object):
    def f(self): pass
    @classmethod
    def g(cls): pass
    @staticmethod
    def h(): pass
!!
E().f
E.g
E.__dict__['g']
E.__dict__['h']
super(E, E()).__class__
super(E, E()).__self__
super(E, E()).__thisclass__
super(E, E()).__self_class__
super(E, E()).nope
object.__init__(E(), 1)
object.__subclasshook__()
staticmethod(len).__func__
staticmethod()
property(1,2,3,4).fget
property(1,2,3,4,5)
property(doc='x').__doc__
isinstance(1, (str, int))
isinstance(True, int)
issubclass(bool, (int,))
isinstance(A(), A)
isinstance(B(), A)
issubclass(B, A)
issubclass(A, B)
isinstance([], (tuple, (dict, list)))
!!
class P(object):
    def __init__(self):
        self._v = 0
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, value):
        self._v = value * 2
    @v.deleter
    def v(self):
        self._v = -1
!!
!p = P(); p.v = 5; r = p.v
r
!del p.v; r = p.v
r
!!
class Base(object):
    def __init__(self, x):
        self.x = x
    def who(self):
        return 'Base'
class Child(Base):
    def __init__(self, x, y):
        super(Child, self).__init__(x)
        self.y = y
    def who(self):
        return 'Child<' + super(Child, self).who() + '>'
!!
Child(1, 2).x
Child(1, 2).who()
3.12| !!
class C3(Base):
    def who(self):
        return 'C3/' + super().who()
!!
3.12| C3(1).who()
!!
class Meta(type):
    def __new__(mcs, name, bases, ns):
        ns['tag'] = name.lower()
        return type.__new__(mcs, name, bases, ns)
!!
!Tagged = Meta('Tagged', (object,), {})
Tagged.tag
type(Tagged)
isinstance(Tagged, Meta)
!!
class Count(object):
    n = 0
    def __init__(self):
        Count.n += 1
!!
!Count(); Count(); r = Count.n
r
dir(object)
!!
class D(object):
    x = 1
    def f(self): pass
!!
dir(D())
dir(D)
!d = D(); d.z = 5
sorted(vars(d).items())
d.__dict__
vars(D)['x']
getattr(d, 'z')
hasattr(d, 'q')
!delattr(d, 'z')
hasattr(d, 'z')
