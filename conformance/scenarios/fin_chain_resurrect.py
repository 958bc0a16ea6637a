# Spec 44: a ring of three resurrecting nodes: 3.12 calls __del__ in creation order and counts 0 (3 later); 2.7 keeps them in gc.garbage.
import gc, weakref
gc.disable()
gc.collect()
survivors = []
class Resurrector(object):
    def __init__(self, name):
        self.name = name
    def chain(self, left):
        self.left = left
        left.right = self
    def __del__(self):
        print("__del__ %s" % self.name)
        survivors.append(self)
def build():
    nodes = []
    for i in range(3):
        nodes.append(Resurrector("n%d" % i))
    for i in range(len(nodes)):
        nodes[i].chain(nodes[i - 1])
    wrs = []
    for s in nodes:
        wrs.append(weakref.ref(s))
    return wrs
wrs = build()
print("collect: %d" % gc.collect())
def names(objs):
    return [s.name for s in objs]
print("survivors: %r, garbage: %r" % (names(survivors), names(gc.garbage)))
print("weakrefs dead: %r" % ([w() is None for w in wrs],))
del survivors[:]
print("collect after clearing survivors: %d" % gc.collect())
