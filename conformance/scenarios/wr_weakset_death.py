# WeakSet members vanish as they die: len, membership and iteration after del and after a collection.
import gc, weakref
gc.disable()
gc.collect()
class Obj(object):
    def __init__(self, name):
        self.name = name
objs = [Obj('o%d' % i) for i in range(5)]
ws = weakref.WeakSet(objs)
print("len: %d" % len(ws))
del objs[1]
print("after dropping o1: %d" % len(ws))
del objs[0:2]
print("after dropping o0 and o2: %d %r" % (len(ws), sorted(o.name for o in ws)))
cyc = Obj('cyc')
cyc.me = cyc
ws.add(cyc)
del cyc
print("cycle member still counted: %d" % len(ws))
gc.collect()
print("after collect: %d" % len(ws))
