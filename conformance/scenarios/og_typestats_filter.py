# typestats with a filter restricted to user objects, and TypestatsFilterArguTest's attribute-based filter.
import objgraph
class Base(object):
    pass
class Apple(Base):
    pass
class Pear(Base):
    pass
apples = [Apple() for i in range(4)]
pears = [Pear() for i in range(2)]
for i, a in enumerate(apples):
    a.ripe = (i % 2 == 0)
stats = objgraph.typestats(filter=lambda o: isinstance(o, Base))
print("user types: %r" % sorted(stats.items()))
ripe = objgraph.typestats(filter=lambda o: isinstance(o, Apple) and o.ripe)
print("ripe apples: %r" % sorted(ripe.items()))
long_names = objgraph.typestats(shortnames=False, filter=lambda o: isinstance(o, Base))
print("long names: %r" % sorted(long_names.items()))
print("from an explicit list: %r" % sorted(objgraph.typestats(objects=[apples[0], pears[0], pears[1], []]).items()))
