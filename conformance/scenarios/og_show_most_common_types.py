# show_most_common_types output format (name padded to the longest, then count) restricted to user classes.
import objgraph
class Base(object):
    pass
class Short(Base):
    pass
class AVeryLongClassName(Base):
    pass
class Mid(Base):
    pass
keep = [Short() for i in range(12)] + [AVeryLongClassName() for i in range(3)] + [Mid() for i in range(7)]
objgraph.show_most_common_types(filter=lambda o: isinstance(o, Base))
print("--- limit=2")
objgraph.show_most_common_types(limit=2, filter=lambda o: isinstance(o, Base))
print("--- shortnames=False")
objgraph.show_most_common_types(limit=1, shortnames=False, filter=lambda o: isinstance(o, Base))
print("--- objects=")
objgraph.show_most_common_types(objects=keep[-2:])
