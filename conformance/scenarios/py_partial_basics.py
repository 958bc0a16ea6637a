# functools.partial as CPython's C type: type, members, calls, keyword override, 3.12 flattening, errors.
from __future__ import print_function
import functools, sys
P = functools.partial
def f(a, b=1, *rest, **kw):
    return (a, b, rest, sorted(kw.items()))
print(type(P), P.__name__, P.__module__)
print(type(P(len)))
p = P(f, 1, b=2)
print(type(p).__name__, p.func is f, p.args, p.keywords)
print(p(), p(b=7), p(c=9))
print(P(f, 1)(5, 6, d=1), P(f)(0))
print(P(f, 0, b=0)(b=5, z=1))
print(P(f, 0)().__class__.__name__, P(f, b=3).keywords, P(f).keywords, P(f).args)
print(repr(p) if sys.version_info[0] == 3 else 'partial repr: %s' % repr(p).split(' at ')[0])
for name in ('func', 'args', 'keywords'):
    try:
        setattr(p, name, None)
    except (AttributeError, TypeError) as e:
        print(name, type(e).__name__, e)
try:
    del p.keywords
except (AttributeError, TypeError) as e:
    print('del', type(e).__name__, e)
print(hasattr(p, '__dict__'), p.__dict__)
p.attr = 5
print(p.__dict__, p.attr, getattr(p, 'func') is f)
try:
    p.__dict__ = 5
except TypeError as e:
    print(e)
try:
    del p.__dict__
except TypeError as e:
    print(e)
p.__dict__ = {'y': 2}
print(p.__dict__, p.y, hasattr(p, 'attr'))
try:
    P.x = 1
except TypeError as e:
    print(e)
try:
    P()
except TypeError as e:
    print(e)
try:
    P(1)
except TypeError as e:
    print(e)
try:
    P(f, 1)(2, 3, a=1)
except TypeError as e:
    print(type(e).__name__)
# 3.12 flattens a partial of a partial (unless the inner one has a __dict__); 2.7 nests them.
inner = P(f, 1)
outer = P(inner, 2, c=3)
print(outer.func is f, outer.func is inner, outer.args, outer.keywords, outer())
print(P(P(f, b=1), b=2).keywords, P(P(f, b=1), b=2)(0))
inner.tag = 'x'
print(P(inner, 2).func is inner)
# partial is not a descriptor: as a class attribute it does not bind.
class C(object):
    m = P(f, 'x')
c = C()
print(c.m(), C.m(), callable(p), hasattr(p, '__get__'))
print(p.__reduce__()[0] is P, p.__reduce__()[1][0] is f, p.__reduce__()[2][1:])
q = P(len)
q.__setstate__((f, (4,), None, None))
print(q.func is f, q.args, q.keywords, q())
try:
    q.__setstate__((1, 2))
except TypeError as e:
    print(e)
def boom(x):
    raise ValueError('bad %r' % (x,))
P(boom, 3)()
