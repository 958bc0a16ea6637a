# find_backref_chain from a nested instance to the module: 2.7 passes through instance dicts, 3.12 goes instance to instance.
import objgraph
class Node(object):
    pass
root = Node()
root.child = Node()
root.child.child = Node()
chain = objgraph.find_backref_chain(root.child.child, objgraph.is_proper_module)
print("length: %d" % len(chain))
print("types: %s" % " -> ".join(type(x).__name__ for x in chain))
print("starts at __main__: %s" % (chain[0].__name__ == '__main__'))
print("ends at the grandchild: %s" % (chain[-1] is root.child.child))
