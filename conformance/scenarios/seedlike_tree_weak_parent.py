# seed 9 variation: the same tree with weakref back-pointers is freed by refcounting alone, top-down.
import gc, weakref
class Node(object):
    def __init__(self, name, parent=None):
        self.name = name
        self._parent = weakref.ref(parent) if parent is not None else None
        self.children = []
        if parent is not None:
            parent.children.append(self)
    @property
    def parent(self):
        return self._parent() if self._parent is not None else None
    def __del__(self):
        print("del %s" % self.name)
gc.disable()
gc.collect()
root = Node('root')
a = Node('a', root)
Node('b', root)
leaf = Node('a1', a)
print("leaf parent: %s" % leaf.parent.name)
print("grandparent: %s" % leaf.parent.parent.name)
del a
print("dropping root")
del root
print("leaf parent now: %r" % (leaf.parent,))
del leaf
print("collect: %d" % gc.collect())
