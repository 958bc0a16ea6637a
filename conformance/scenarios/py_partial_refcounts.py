# functools.partial reference counts: the partial, its func, its args tuple and keywords dict,
# 3.12's flattening sharing the inner args tuple, subclasses.
from __future__ import print_function
import functools, gc, sys
P = functools.partial
def g(*a, **k):
    return sys.getrefcount(a)
rc = sys.getrefcount
print(rc(g))
p = P(g, 1, 2)
print(rc(p), rc(g), rc(p.args), rc(p.keywords))
q = P(p, 3)
print(rc(g), rc(p), rc(p.args), q.args)
r = P(p)
print(rc(p.args), r.args is p.args, r.keywords is p.keywords)
del q, r
print(rc(g), rc(p), rc(p.args))
k = P(g, x=1)
print(rc(k.keywords), k.keywords)
k2 = P(k, y=2)
print(rc(k.keywords), sorted(k2.keywords.items()))
print(p(), p(3))
class T(P):
    def __call__(self, *a):
        return ('T', P.__call__(self, *a))
t = T(g, 1)
print(type(t).__name__, t.args, rc(t))
print(t(2)[0])
del p, t, k, k2
print(rc(g))
