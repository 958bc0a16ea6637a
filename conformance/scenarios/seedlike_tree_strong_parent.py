# seed 4 variation: a tree whose children point back to their parent with strong references only dies in a collection.
import gc, weakref
class Node(object):
    def __init__(self, name, parent=None):
        self.name = name
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)
gc.disable()
gc.collect()
root = Node('root')
a = Node('a', root)
b = Node('b', root)
Node('a1', a)
Node('a2', a)
r = weakref.ref(root)
print([c.name for c in root.children])
print([c.name for c in a.children])
del root, a, b
print("root alive before collect: %s" % (r() is not None))
print("collect: %d" % gc.collect())
print("root alive after collect: %s" % (r() is not None))
print("second collect: %d" % gc.collect())
