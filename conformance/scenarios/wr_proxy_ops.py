# Proxies forward operators, len, bool, iteration, containment, indexing and str() to the referent.
import weakref
class L(list):
    pass
class N(object):
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        return self.v + other
    def __str__(self):
        return "N(%d)" % self.v
    def __eq__(self, other):
        return isinstance(other, N) and other.v == self.v
    __hash__ = None
lst = L([3, 1, 2])
p = weakref.proxy(lst)
print("len: %d" % len(p))
print("bool: %s" % bool(p))
print("iter: %r" % ([x for x in p],))
print("contains 2: %s" % (2 in p))
print("index [0]: %d" % p[0])
p[0] = 9
print("setitem reached list: %r" % (list(lst),))
p.sort()
print("sorted via proxy: %r" % (list(lst),))
n = N(5)
pn = weakref.proxy(n)
print("add: %d" % (pn + 10))
print("str: %s" % str(pn))
print("eq: %s" % (pn == N(5)))
empty = L()
print("bool of empty list proxy: %s" % bool(weakref.proxy(empty)))
