# find_backref_chain returns [obj] when no chain exists (a pure cycle) or max_depth is too small.
import gc, objgraph
gc.disable()
class Node(object):
    pass
def make_cycle():
    a, b = Node(), Node()
    a.b = b
    b.a = a
make_cycle()
chain = objgraph.find_backref_chain(objgraph.by_type('Node')[0], objgraph.is_proper_module)
print("cycle only: length %d, a Node: %s" % (len(chain), type(chain[0]).__name__))
del chain
gc.collect()
deep = [[[[Node()]]]]
print("max_depth=2: length %d" % len(objgraph.find_backref_chain(deep[0][0][0][0], objgraph.is_proper_module, max_depth=2)))
print("max_depth=20: length %d" % len(objgraph.find_backref_chain(deep[0][0][0][0], objgraph.is_proper_module)))
