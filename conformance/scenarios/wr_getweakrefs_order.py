# getweakrefs order: the shared plain ref, then the shared proxy, then callback refs newest first.
import weakref
class C(object):
    pass
def cb(r):
    pass
o = C()
c1 = weakref.ref(o, cb)
plain = weakref.ref(o)
c2 = weakref.ref(o, cb)
prox = weakref.proxy(o)
c3 = weakref.ref(o, cb)
named = {id(c1): 'c1', id(plain): 'plain', id(c2): 'c2', id(prox): 'proxy', id(c3): 'c3'}
print("order: %r" % [named[id(x)] for x in weakref.getweakrefs(o)])
del plain
print("without plain: %r" % [named[id(x)] for x in weakref.getweakrefs(o)])
pc = weakref.proxy(o, cb)
named[id(pc)] = 'pcb'
print("with callback proxy: %r" % [named[id(x)] for x in weakref.getweakrefs(o)])
print("count: %d" % weakref.getweakrefcount(o))
