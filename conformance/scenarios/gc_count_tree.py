# Spec 4.2: a root with 3 children holding parent links; global class vs a class created inside the function.
import gc
gc.disable()
gc.collect()
class Node(object):
    def __init__(self, parent=None):
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)
def build():
    root = Node()
    for i in range(3):
        Node(root)
build()
print("global class tree: %d" % gc.collect())
def build_local():
    class LNode(object):
        def __init__(self, parent=None):
            self.parent = parent
            self.children = []
            if parent is not None:
                parent.children.append(self)
    root = LNode()
    for i in range(3):
        LNode(root)
build_local()
print("local class tree: %d" % gc.collect())
