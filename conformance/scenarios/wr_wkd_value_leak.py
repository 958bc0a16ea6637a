# Leak hunting: a WeakKeyDictionary value that refers to its own key keeps the key alive forever, even across gc.
import gc, weakref
gc.disable()
gc.collect()
class Key(object):
    def __init__(self, name):
        self.name = name
class Meta(object):
    def __init__(self, owner):
        self.owner = owner
registry = weakref.WeakKeyDictionary()
good = Key('good')
registry[good] = 'metadata'
bad = Key('bad')
registry[bad] = Meta(bad)
del good, bad
print("after del: %d %r" % (len(registry), [k.name for k in registry.keys()]))
print("collect: %d" % gc.collect())
print("after collect: %r" % [k.name for k in registry.keys()])
cache = weakref.WeakValueDictionary()
class Node(object):
    pass
n = Node()
n.me = n
cache['n'] = n
del n
print("cyclic value before collect: %d" % len(cache))
gc.collect()
print("cyclic value after collect: %d" % len(cache))
