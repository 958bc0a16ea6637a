# WeakValueDictionary entries disappear when their values die, including values freed by a collection.
import gc, weakref
gc.disable()
gc.collect()
class Obj(object):
    def __init__(self, name):
        self.name = name
d = weakref.WeakValueDictionary()
keep = []
for i in range(4):
    o = Obj('v%d' % i)
    d[i] = o
    if i % 2 == 0:
        keep.append(o)
del o
print("entries: %r" % sorted(d.keys()))
del keep[0]
print("after dropping v0: %r" % sorted(d.keys()))
cyc = Obj('cyc')
cyc.me = cyc
d['cyc'] = cyc
del cyc
print("cycle value still present: %s" % ('cyc' in d))
print("collect: %d" % gc.collect())
print("after collect: %r, len %d" % (sorted(str(k) for k in d.keys()), len(d)))
try:
    d[1]
except KeyError as e:
    print("dead key: KeyError %r" % (e.args[0],))
