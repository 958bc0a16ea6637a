# Values dying while a WeakValueDictionary is iterated lazily (2.7 itervalues, 3.12 values): removals are deferred.
import gc, weakref
gc.disable()
class Obj(object):
    def __init__(self, n):
        self.n = n
objs = dict((i, Obj(i)) for i in range(5))
d = weakref.WeakValueDictionary(objs)
lazy = getattr(d, 'itervalues', None) or d.values
it = lazy()
first = next(it)
for i in range(5):
    if i != 2 and objs[i] is not first:
        del objs[i]
print("dict entries kept while iterating: %d" % len(d.data))
try:
    rest = [v.n for v in it]
    print("values yielded after the deaths: %r" % rest)
except RuntimeError as e:
    print("RuntimeError: %s" % e)
del it, first
print("len after iteration: %d" % len(d))
print("keys: %r" % list(d.keys()))
