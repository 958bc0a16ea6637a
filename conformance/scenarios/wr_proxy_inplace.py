# test_weakref.test_proxy_div / test_proxy_iadd: in-place operators through a proxy rebind the name to the result.
import weakref
class Num(object):
    def __init__(self, v):
        self.v = v
    def __floordiv__(self, other):
        return 42
    def __ifloordiv__(self, other):
        return 21
    def __iadd__(self, other):
        self.v += other
        return self
o = Num(1)
p = weakref.proxy(o)
print("floordiv: %d" % (p // 5))
p //= 5
print("after //= : %r" % (p,))
q = weakref.proxy(o)
q += 10
print("after += the name holds the real object: %s, v=%d" % (q is o, o.v))
lst = [1]
class L(list):
    pass
ll = L([1])
pl = weakref.proxy(ll)
pl += [2, 3]
print("list subclass += : %r, same object: %s" % (list(ll), pl is ll))
pm = weakref.proxy(ll)
print("mul: %r" % (pm * 2,))
print("radd: %r" % ([0] + pm,))
