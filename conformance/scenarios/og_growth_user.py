# objgraph.growth deltas of user classes between calls (peak tracking: shrinking then regrowing to the old peak shows nothing).
import objgraph
class Base(object):
    pass
class Leaf(Base):
    pass
class Node(Base):
    pass
user = lambda o: isinstance(o, Base)
objgraph.growth(limit=None, filter=user)
keep = [Leaf() for i in range(5)] + [Node() for i in range(2)]
print("after creating: %r" % (objgraph.growth(limit=None, filter=user),))
print("no change: %r" % (objgraph.growth(limit=None, filter=user),))
del keep[:3]
print("after freeing three leaves: %r" % (objgraph.growth(limit=None, filter=user),))
keep.extend([Leaf() for i in range(3)])
print("back to the old peak: %r" % (objgraph.growth(limit=None, filter=user),))
keep.extend([Leaf() for i in range(2)])
print("above the peak: %r" % (objgraph.growth(limit=None, filter=user),))
print("limit=1 after adding nodes: %r" % (keep.extend([Node(), Node()]) or objgraph.growth(limit=1, filter=user),))
