# Weak references, proxies and WeakSet/WeakValueDictionary entries do not add to the referent's refcount.
import sys, weakref
class A(object):
    pass
a = A()
base = sys.getrefcount(a)
r = weakref.ref(a)
p = weakref.proxy(a)
ws = weakref.WeakSet([a])
wv = weakref.WeakValueDictionary({1: a})
print("after ref, proxy, WeakSet, WeakValueDictionary: +%d" % (sys.getrefcount(a) - base))
strong = r()
print("dereferenced into a name: +%d" % (sys.getrefcount(a) - base))
del strong
wk = weakref.WeakKeyDictionary({a: 'v'})
print("WeakKeyDictionary key: +%d" % (sys.getrefcount(a) - base))
