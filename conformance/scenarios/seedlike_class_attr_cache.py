# seed 5 variation: the leaked object sits in a dict stored as a class attribute; growth, by_type and the backref chain through the class.
import gc, objgraph
class Registry(object):
    items = {}
class Item(object):
    def __init__(self, key):
        self.key = key
def make(key):
    it = Item(key)
    Registry.items[key] = it
    if key > 0:
        return it.key
    del Registry.items[key]
gc.disable()
gc.collect()
objgraph.growth(limit=None)
make(0)
make(7)
grown = [(name, delta) for name, total, delta in objgraph.growth(limit=None) if name == 'Item']
print("growth of Item: %r" % grown)
print("Item count: %d" % objgraph.count('Item'))
leaked = objgraph.by_type('Item')[0]
print("leaked key: %d" % leaked.key)
chain = objgraph.find_backref_chain(leaked, objgraph.is_proper_module)
print("chain length: %d" % len(chain))
print("chain types: %s" % " -> ".join(type(x).__name__ for x in chain))
print("class in chain: %s" % (Registry in chain))
print("cache in chain: %s" % (Registry.items in chain))
Registry.items.clear()
del leaked, chain
print("after clear: %d" % objgraph.count('Item'))
