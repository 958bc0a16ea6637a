# functools.partial and the collector: referents (3.12's heap type adds the type), cycles through
# args, keywords and __dict__, finalizers and weakref callbacks, tracking.
from __future__ import print_function
import functools, gc, weakref
P = functools.partial
def f(*a, **k):
    return len(a) + len(k)
class A(object):
    def __del__(self):
        print('del A', self.name)
def kinds(o):
    return [type(x).__name__ for x in gc.get_referents(o)]
p = P(f, 1, b=2)
print(gc.is_tracked(p), len(gc.get_referents(p)), kinds(p))
print(gc.is_tracked(p.args), gc.is_tracked(p.keywords), gc.is_tracked(P(f).keywords))
p.x = []
print(len(gc.get_referents(p)), kinds(p))
print(any(x is p for x in gc.get_referrers(f)), any(x is p for x in gc.get_referrers(p.x)))
gc.collect()
a = A(); a.name = 'args'
a.cb = P(f, a)
w = weakref.ref(a.cb, lambda r: print('partial gone'))
del a
print('collected', gc.collect())
a = A(); a.name = 'keywords'
a.cb = P(f, x=a)
del a
print('collected', gc.collect())
p = P(f); p.me = p
wr = weakref.ref(p)
del p
print('alive', wr() is not None)
print('collected', gc.collect(), 'alive', wr() is not None)
l = []
p = P(f, l); l.append(p)
del p, l
print('collected', gc.collect())
class S(P):
    __slots__ = ('extra',)
s = S(f, 1); s.extra = s
print(type(s).__name__, s.args, kinds(s))
del s
print('collected', gc.collect())
class Holder(object):
    def __init__(self):
        self.cb = P(self.method, 1)
    def method(self, x):
        return x
h = Holder()
print(h.cb())
del h
print('collected', gc.collect())
