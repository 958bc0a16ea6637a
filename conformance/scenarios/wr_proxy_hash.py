# test_weakref.test_proxy_hash: proxies are unhashable even when the referent is hashable.
import weakref
class C(object):
    pass
o = C()
p = weakref.proxy(o)
try:
    hash(p)
except TypeError as e:
    print("TypeError: %s" % e)
try:
    {p: 1}
except TypeError as e:
    print("as dict key: TypeError: %s" % e)
print("hash of referent works: %s" % isinstance(hash(o), int))
