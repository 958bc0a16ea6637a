# objgraph counts follow __class__ assignment: the object is counted under its new class at once,
# between two queries on an otherwise unchanged heap (new-style instances, and 2.7 classic ones).
import objgraph
class A(object):
    pass
class B(object):
    pass
class OldA:
    pass
class OldB:
    pass
objs = [A(), A(), OldA()]
print(objgraph.count('A'), objgraph.count('B'), objgraph.count('OldA'), objgraph.count('OldB'))
objs[0].__class__ = B
print(objgraph.count('A'), objgraph.count('B'))
objs[2].__class__ = OldB
print(objgraph.count('OldA'), objgraph.count('OldB'))
print([type(o).__name__ for o in objgraph.by_type('B')], len(objgraph.by_type('OldB')))
stats = objgraph.typestats()
print(stats.get('A'), stats.get('B'))
