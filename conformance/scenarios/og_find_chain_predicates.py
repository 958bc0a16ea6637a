# find_ref_chain / find_backref_chain call the predicate on every visited object, the start object first.
import objgraph
class Leaf(object):
    pass
leaf = Leaf()
holder = {'k': [leaf]}
print(len(objgraph.find_ref_chain(holder, lambda o: o is holder)))
print(len(objgraph.find_backref_chain(leaf, lambda o: o is leaf, max_depth=0)))
print([type(o).__name__ for o in objgraph.find_ref_chain(holder, lambda o: isinstance(o, Leaf), max_depth=1)])
print([type(o).__name__ for o in objgraph.find_ref_chain(holder, lambda o: isinstance(o, Leaf), max_depth=2)])
print([type(o).__name__ for o in objgraph.find_ref_chain(holder, lambda o: isinstance(o, Leaf), extra_ignore=[id(holder['k'])])])
for pred in (None, 42):
    try:
        objgraph.find_ref_chain(holder, pred)
    except TypeError as e:
        print("TypeError: %s" % e)
def boom(o):
    raise KeyError('predicate failed')
try:
    objgraph.find_backref_chain(leaf, boom)
except KeyError as e:
    print("KeyError: %s" % e)
try:
    objgraph.find_backref_chain(leaf)
except TypeError as e:
    print("TypeError: %s" % e)
