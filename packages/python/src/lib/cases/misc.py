# Functions, methods, builtin functions, class machinery details.
!!
def f(a, b=2, *args, **kw):
    "doc of f"
    return a
def g():
    pass
class K(object):
    def m(self):
        return 1
    @classmethod
    def c(cls):
        return cls.__name__
    @staticmethod
    def s(x):
        return x * 2
!!
f.__name__
f.__doc__
g.__doc__
f.__defaults__
g.__defaults__
f.__module__
3.12| f.__qualname__
3.12| K.m.__qualname__
3.12| f.__kwdefaults__
f.__dict__
!f.attr = 5; r = f.attr
r
f.__dict__
!f.__name__ = 'renamed'; r = f.__name__
r
!f.__name__ = 5
!f.__defaults__ = (9,); r = f.__defaults__
r
!f.__defaults__ = 9
2.7| f.func_name
2.7| f.func_defaults
2.7| f.func_doc
f.__closure__
K().m()
K.c()
K().c()
K.s(4)
K().s(5)
K().m.__self__.__class__.__name__
K().m.__func__.__name__
K().m.__name__
2.7| K.m.im_class
2.7| K().m.im_self.__class__
2.7| K.m(K())
2.7| K.m(5)
3.12| K.m(5)
len.__name__
len.__self__ if False else 0
[].append.__name__
type([].append)
type(len)
type(f)
type(K.c)
type(K.s)
type(K().m)
3.12| type(K.m)
2.7| type(K.m)
callable(f)
callable(K)
callable(K())
!!
class Named(object):
    def __set_name__(self, owner, name):
        self.name = name
class Owner(object):
    field = Named()
!!
3.12| Owner.field.name
!!
class Base(object):
    registry = []
    def __init_subclass__(cls, **kw):
        Base.registry.append((cls.__name__, sorted(kw.items())))
!!
3.12| !!
class Sub1(Base): pass
class Sub2(Base, tag='x'): pass
!!
3.12| Base.registry
!!
class MCall(type):
    def __call__(cls, *args):
        return ('made', cls.__name__, args)
!!
3.12| !!
class Made(metaclass=MCall):
    pass
!!
2.7| !!
class Made(object):
    __metaclass__ = MCall
!!
Made(1, 2)
!!
class Slotted(object):
    __slots__ = ('a', 'b')
!!
!o = Slotted(); o.a = 1; r = o.a
r
!o = Slotted(); o.c = 1
!o = Slotted(); r = o.b
Slotted.a
!!
class WithEq(object):
    def __eq__(self, o):
        return True
!!
3.12| WithEq.__hash__
2.7| WithEq.__hash__ is not None
!!
class NoHash(object):
    __hash__ = None
!!
hash(NoHash())
type.__name__
type(type)
type(object)
object.__class__
int.__mro__
bool.__mro__
bool.__bases__
issubclass(bool, int)
type(None)
type(NotImplemented)
type(Ellipsis)
3.12| type(...)
3.12| type(None)()
2.7| type(None)()
int.__dict__['bit_length']
list.__dict__['append']
type(list.__dict__)
'append' in list.__dict__
sorted(K.__dict__.keys())
K.__dict__['s']
isinstance(K.__dict__['c'], classmethod)
type.__dict__['__name__']
dir()
!x = 5
dir()
globals()['x']
vars()['x']
[].__class__
(1).__class__.__name__
'abc'.__len__()
(5).__hash__()
(1.5).__repr__()
'x'.__class__.__mro__
