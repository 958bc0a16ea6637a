# profiles: 3.12
# test_heterogenous_resurrect_two: resurrecting, plain and suicidal nodes in one ring; which survive and what is counted.
import gc
gc.disable()
gc.collect()
survivors = []
class Node:
    def __init__(self, name, kind):
        self.name = name
        self.kind = kind
        self.left = self.right = None
    def __del__(self):
        print("__del__ %s (%s)" % (self.name, self.kind))
        if self.kind == "resurrect":
            survivors.append(self)
        elif self.kind == "suicide":
            self.left = None
            self.right = None
kinds = ["resurrect", "plain", "suicide"] * 2
nodes = [Node("n%d" % i, k) for i, k in enumerate(kinds)]
for i in range(len(nodes)):
    nodes[i].left = nodes[i - 1]
    nodes[i - 1].right = nodes[i]
del nodes
print("collect: %d" % gc.collect())
print("survivors: %r" % ([s.name for s in survivors],))
del survivors[:]
print("collect after clearing: %d" % gc.collect())
