# seeds 09+10 combined: a proxy and a ref with callbacks on the same object; proxy use after death fails.
import weakref
class OBJ(object):
    def f(self):
        print('HELLO')
log = []
o = OBJ()
p = weakref.proxy(o, lambda p: log.append("proxy callback"))
r = weakref.ref(o, lambda r: log.append("ref callback"))
p.f()
r().f()
print("weakref count: %d" % weakref.getweakrefcount(o))
del o
print("callbacks: %r" % (log,))
try:
    p.f()
except ReferenceError as e:
    print("ReferenceError: %s" % e)
print("ref dead: %s" % (r() is None))
