# seed 5 variation: after find_backref_chain the search's own frames linger (2.7) and keep the found object alive until the next collect.
import gc, objgraph, weakref
_handlers = {}
class Handler(object):
    def __init__(self, name):
        self.name = name
def register(name):
    h = Handler(name)
    _handlers[name] = h
def hunt():
    leaked = objgraph.by_type('Handler')[0]
    chain = objgraph.find_backref_chain(leaked, objgraph.is_proper_module)
    print("chain: %s" % " -> ".join(type(x).__name__ for x in chain))
    return weakref.ref(leaked)
gc.disable()
gc.collect()
register('on_save')
r = hunt()
_handlers.clear()
print("alive after clearing the cache: %s" % (r() is not None))
n = gc.collect()
print("collect: %d" % n)
print("alive after collect: %s" % (r() is not None))
print("second collect: %d" % gc.collect())
chain = objgraph.find_ref_chain(_handlers, lambda o: isinstance(o, Handler))
print("ref chain from empty cache: %d" % len(chain))
print("after find_ref_chain: %d" % gc.collect())
