# objgraph.by_type returns the live instances of a class in collector order; qualified names work too.
import objgraph
class Item(object):
    def __init__(self, n):
        self.n = n
items = [Item(i) for i in range(5)]
found = objgraph.by_type('Item')
print("found: %d" % len(found))
print("numbers: %r" % sorted(o.n for o in found))
print("same objects: %s" % all(any(o is i for i in items) for o in found))
print("qualified: %d" % len(objgraph.by_type('__main__.Item')))
print("unknown type: %r" % (objgraph.by_type('NoSuchType'),))
print("within a list: %d" % len(objgraph.by_type('Item', [items[0], 5, items[3]])))
del found
del items[1:]
print("after freeing four: %d" % len(objgraph.by_type('Item')))
