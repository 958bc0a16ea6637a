# CycleChainFinalizationTest.test_homogenous: a 3-node ring of __del__ objects: order of __del__ and the count.
import gc, weakref
gc.disable()
gc.collect()
class Chained(object):
    def __init__(self, name):
        self.name = name
    def chain(self, left):
        self.left = left
        left.right = self
    def __del__(self):
        if self.left is None:
            print("__del__ %s (links already broken)" % self.name)
        else:
            print("__del__ %s (left %s, right %s)" % (self.name, self.left.name, self.right.name))
def build():
    nodes = []
    for i in range(3):
        nodes.append(Chained("n%d" % i))
    for i in range(len(nodes)):
        nodes[i].chain(nodes[i - 1])
    wrs = []
    for s in nodes:
        wrs.append(weakref.ref(s))
    return wrs
wrs = build()
print("collect: %d" % gc.collect())
print("weakrefs dead: %r" % ([w() is None for w in wrs],))
def garbage_names():
    return [o.name for o in gc.garbage]
print("garbage: %r" % garbage_names())
def release():
    while gc.garbage:
        o = gc.garbage.pop()
        o.left = o.right = None
release()
print("end")
