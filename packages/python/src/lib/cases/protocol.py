# The dunder protocol of user classes through the operators and builtins.
!!
class V(object):
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return 'V(%r)' % (self.x,)
    def __add__(self, other):
        if isinstance(other, V):
            return V(self.x + other.x)
        if isinstance(other, int):
            return V(self.x + other)
        return NotImplemented
    def __radd__(self, other):
        return V(other * 100 + self.x)
    def __mul__(self, k):
        return V(self.x * k)
    def __neg__(self):
        return V(-self.x)
    def __abs__(self):
        return V(abs(self.x))
    def __eq__(self, other):
        return isinstance(other, V) and self.x == other.x
    def __lt__(self, other):
        return self.x < other.x
    def __hash__(self):
        return hash(self.x)
    def __len__(self):
        return abs(self.x)
    def __bool__(self):
        return self.x != 0
    __nonzero__ = __bool__
!!
V(1) + V(2)
V(1) + 5
5 + V(1)
V(1) + 'a'
'a' + V(1)
V(3) * 2
2 * V(3)
-V(4)
abs(V(-4))
V(1) == V(1)
V(1) != V(1)
V(1) == 1
V(1) < V(2)
V(2) > V(1)
3.12| V(2) <= V(1)
len(V(-7))
bool(V(0))
not V(0)
hash(V(5)) == hash(5)
sorted([V(3), V(1), V(2)])
max([V(3), V(1), V(2)])
V(1) in [V(0), V(1)]
{V(1): 'a'}[V(1)]
!!
class Sub(V):
    def __radd__(self, other):
        return 'Sub.__radd__'
!!
V(1) + Sub(2)
Sub(2) + V(1)
!!
class Acc(object):
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
    def __repr__(self):
        return 'Acc%r' % (self.items,)
!!
!a = Acc(); b = a; a += 1; a += 2; r = (a, a is b)
r
!!
class OnlyAdd(object):
    def __add__(self, o):
        return 'add'
!!
!x = OnlyAdd(); x += 1; r = x
r
!!
class Seq(object):
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i
!!
list(Seq(4))
3 in Seq(4)
4 in Seq(4)
Seq(3)[2]
!!
class It(object):
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
    next = __next__
!!
list(It())
sum(It())
!!
class Cont(object):
    def __contains__(self, x):
        return x == 42
!!
42 in Cont()
1 in Cont()
1 not in Cont()
!!
class Idx(object):
    def __index__(self):
        return 2
!!
[10, 20, 30][Idx()]
'abcd'[Idx():]
range(10)[Idx()]
hex(Idx())
!!
class Call(object):
    def __call__(self, *args, **kw):
        return (args, sorted(kw.items()))
!!
Call()(1, 2, a=3)
callable(Call())
!!
class GA(object):
    def __getattr__(self, name):
        return 'ga:' + name
!!
GA().anything
getattr(GA(), 'zz')
hasattr(GA(), 'q')
!!
class SA(object):
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)
!!
!s = SA(); s.v = 21; r = s.v
r
!!
class Str(object):
    def __str__(self):
        return 'STR'
    def __repr__(self):
        return 'REPR'
!!
str(Str())
repr(Str())
'%s %r' % (Str(), Str())
'{} {!r}'.format(Str(), Str())
format(Str())
[Str()]
!!
class Fmt(object):
    def __format__(self, spec):
        return 'fmt<' + spec + '>'
!!
format(Fmt(), 'xyz')
'{:abc}'.format(Fmt())
!!
class BadStr(object):
    def __str__(self):
        return 5
!!
str(BadStr())
!!
class NoHash(object):
    def __eq__(self, o):
        return True
!!
3.12| hash(NoHash())
3.12| {NoHash(): 1}
!!
class Num(object):
    def __init__(self, v):
        self.v = v
    def __sub__(self, o):
        return 'sub'
    def __rsub__(self, o):
        return 'rsub'
    def __truediv__(self, o):
        return 'truediv'
    def __rtruediv__(self, o):
        return 'rtruediv'
    def __floordiv__(self, o):
        return 'floordiv'
    def __mod__(self, o):
        return 'mod'
    def __rmod__(self, o):
        return 'rmod'
    def __pow__(self, o, m=None):
        return ('pow', m)
    def __rpow__(self, o):
        return 'rpow'
    def __lshift__(self, o):
        return 'lshift'
    def __and__(self, o):
        return 'and'
    def __ror__(self, o):
        return 'ror'
    def __invert__(self):
        return 'invert'
    def __pos__(self):
        return 'pos'
!!
Num(1) - 1
1 - Num(1)
Num(1) / 2
2 / Num(1)
Num(1) // 2
Num(1) % 2
'x' % Num(1)
Num(1) ** 2
2 ** Num(1)
pow(Num(1), 2, 5)
Num(1) << 1
Num(1) & 1
1 | Num(1)
~Num(1)
+Num(1)
Num(1) * 2
divmod(Num(1), 2)
!!
class Div27(object):
    def __div__(self, o):
        return 'div'
    def __rdiv__(self, o):
        return 'rdiv'
!!
2.7| Div27() / 1
2.7| 1 / Div27()
3.12| Div27() / 1
!!
class L(list):
    def total(self):
        return sum(self)
!!
L([1, 2, 3]).total()
L([1, 2]) + [3]
type(L([1]) + [3])
len(L('abc'))
L('ab')
isinstance(L(), list)
!!
class S(str):
    def __new__(cls, v):
        return str.__new__(cls, v.upper())
    def shout(self):
        return self + '!'
!!
S('hi')
S('hi').shout()
type(S('hi'))
S('hi') == 'HI'
len(S('abc'))
!!
class I(int):
    def __repr__(self):
        return 'I(%d)' % int(self)
!!
I(5)
I(5) + 1
type(I(5) + 1)
I('12')
!!
class D(dict):
    def __missing__(self, key):
        return 'missing:' + str(key)
!!
D(a=1)['a']
D()['zz']
D({'a': 1}).get('zz')
!!
class E(Exception):
    pass
class F(E):
    def __init__(self, code):
        E.__init__(self, 'code %d' % code)
        self.code = code
!!
!!
try:
    raise F(7)
except E as err:
    caught = (type(err).__name__, str(err), err.args, err.code)
!!
caught
!!
class Meta2(type):
    def __instancecheck__(cls, obj):
        return obj == 'magic'
class Magic(object):
    __metaclass__ = Meta2
!!
3.12| !!
class Magic(metaclass=Meta2):
    pass
!!
isinstance('magic', Magic)
isinstance('other', Magic)
!!
class Ord(object):
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        print('lt', self.v, o.v)
        return self.v < o.v
!!
!r = sorted([Ord(3), Ord(1), Ord(2), Ord(5), Ord(4)]); r = [o.v for o in r]
r
!!
class OnlyEq(object):
    def __eq__(self, o):
        return 'custom-eq'
!!
OnlyEq() == 1
1 == OnlyEq()
OnlyEq() != 1
3.12| OnlyEq() < OnlyEq()
