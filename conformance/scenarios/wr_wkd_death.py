# WeakKeyDictionary entries vanish when keys die; values die with their entries.
import gc, weakref
gc.disable()
gc.collect()
class Obj(object):
    def __init__(self, name):
        self.name = name
class Val(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("value %s freed" % self.name)
d = weakref.WeakKeyDictionary()
k1, k2 = Obj('k1'), Obj('k2')
d[k1] = Val('for k1')
d[k2] = Val('for k2')
print("len: %d" % len(d))
print("deleting k1")
del k1
print("len: %d" % len(d))
k3 = Obj('k3')
k3.me = k3
d[k3] = Val('for k3')
del k3
print("cyclic key still present, len: %d" % len(d))
print("collect: %d" % gc.collect())
print("len after collect: %d" % len(d))
print("remaining: %r" % [k.name for k in d.keys()])
print("deleting k2")
del k2
print("end")
