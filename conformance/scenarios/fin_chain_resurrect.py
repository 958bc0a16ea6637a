# profiles: 3.12
# Spec 44: a ring of three resurrecting nodes: __del__ in creation order, 0 collected, all weakrefs dead; later 3.
import gc, weakref
gc.disable()
gc.collect()
survivors = []
class Resurrector:
    def __init__(self, name):
        self.name = name
    def chain(self, left):
        self.left = left
        left.right = self
    def __del__(self):
        print("__del__ %s" % self.name)
        survivors.append(self)
nodes = [Resurrector("n%d" % i) for i in range(3)]
for i in range(len(nodes)):
    nodes[i].chain(nodes[i - 1])
wrs = [weakref.ref(s) for s in nodes]
del nodes
print("collect: %d" % gc.collect())
print("survivors: %r" % ([s.name for s in survivors],))
print("weakrefs dead: %r" % ([w() is None for w in wrs],))
del survivors[:]
print("collect after clearing: %d" % gc.collect())
