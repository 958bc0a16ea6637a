# Weak references to weak references, proxies, bound methods and more builtin types.
import weakref
class C(object):
    def m(self):
        pass
o = C()
r = weakref.ref(o)
for label, value in [("ref", r), ("proxy", weakref.proxy(o)), ("float", 1.5), ("bool", True),
                     ("bytes", b"x"), ("frozenset", frozenset()), ("complex", 1j), ("type(None)", None)]:
    try:
        weakref.ref(value)
        print("%s: ok" % label)
    except TypeError as e:
        print("%s: TypeError: %s" % (label, e))
class I(int):
    pass
class T(tuple):
    pass
for label, value in [("int subclass", I(3)), ("tuple subclass", T())]:
    try:
        weakref.ref(value)
        print("%s: ok" % label)
    except TypeError as e:
        print("%s: TypeError: %s" % (label, e))
bm = weakref.ref(o.m)
print("bound method ref dead at once: %s" % (bm() is None))
import sys
try:
    print("module: %s" % (weakref.ref(sys)() is sys))
except TypeError as e:
    print("module: TypeError: %s" % e)
print("type: %s" % (weakref.ref(int)() is int))
