# seed 8 variation: DEBUG_COLLECTABLE reports every member of a parent/children cycle (and, in 2.7, their dicts) as it frees them.
import gc, sys
class Node(object):
    def __init__(self, parent=None):
        self.parent = parent
        self.kids = []
        if parent is not None:
            parent.kids.append(self)
def build():
    root = Node()
    Node(root)
    Node(root)
gc.disable()
gc.collect()
gc.set_debug(gc.DEBUG_COLLECTABLE)
build()
n = gc.collect()
gc.set_debug(0)
sys.stderr.flush()
print("collected: %d" % n)
