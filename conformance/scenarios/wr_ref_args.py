# Argument errors of weakref.ref, weakref.proxy and getweakrefcount.
import weakref
class C(object):
    pass
o = C()
for label, call in [("ref()", lambda: weakref.ref()),
                    ("ref(o, None, 1)", lambda: weakref.ref(o, None, 1)),
                    ("proxy()", lambda: weakref.proxy()),
                    ("proxy(o, None, 1)", lambda: weakref.proxy(o, None, 1)),
                    ("getweakrefcount()", lambda: weakref.getweakrefcount()),
                    ("r(1)", lambda: weakref.ref(o)(1))]:
    try:
        call()
        print("%s: ok" % label)
    except TypeError as e:
        print("%s: TypeError: %s" % (label, e))
print("ref(o, None) ok: %s" % (weakref.ref(o, None)() is o))
print("proxy(o, None) ok: %s" % (type(weakref.proxy(o, None)).__name__))
