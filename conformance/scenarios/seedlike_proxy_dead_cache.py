# seed 10 variation: weakref.proxy handed out by a cache; using it after the object died raises ReferenceError.
import gc, weakref
class Model(object):
    def __init__(self, name):
        self.name = name
    def describe(self):
        return "model %s" % self.name
class Cache(object):
    def __init__(self):
        self.strong = {}
    def get(self, key):
        if key not in self.strong:
            self.strong[key] = Model(key)
        return weakref.proxy(self.strong[key])
cache = Cache()
p = cache.get('m1')
print(p.describe())
print("proxies to it: %d" % weakref.getweakrefcount(cache.strong['m1']))
p2 = cache.get('m1')
print("same proxy object: %s" % (p is p2))
del cache.strong['m1']
try:
    p.describe()
except ReferenceError as e:
    print("ReferenceError: %s" % e)
try:
    print(p.name)
except ReferenceError as e:
    print("again: %s" % e)
print(bool(weakref.getweakrefcount(p2) == 0))
