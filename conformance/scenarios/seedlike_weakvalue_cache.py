# seed 9 variation: a WeakValueDictionary cache drops entries as soon as the last strong reference goes; cycles linger until collect.
import gc, weakref
class Image(object):
    def __init__(self, name):
        self.name = name
_cache = weakref.WeakValueDictionary()
def load(name):
    img = _cache.get(name)
    if img is None:
        img = Image(name)
        _cache[name] = img
        print("loaded %s" % name)
    return img
gc.disable()
gc.collect()
a = load('a')
a2 = load('a')
print("same object: %s" % (a is a2))
b = load('b')
print("cached: %s" % sorted(_cache.keys()))
del a
print("still cached after one del: %s" % sorted(_cache.keys()))
del a2
print("after both dels: %s" % sorted(_cache.keys()))
b.me = b
del b
print("cycle keeps b: %s" % sorted(_cache.keys()))
print("collect: %d" % gc.collect())
print("after collect: %s" % sorted(_cache.keys()))
c = load('b')
print(c.name)
