# show_chain with several chains (shared objects drawn once), empty chains skipped, backrefs=False, output=, and its errors.
import sys
import objgraph
class Leaf(object):
    pass
class Holder(object):
    def __init__(self, x):
        self.x = x
leaf = Leaf()
registry = {'first': [leaf], 'second': [Holder(leaf)]}
own = lambda o: o is registry or isinstance(o, (list, Holder, Leaf))
c1 = objgraph.find_ref_chain(registry, lambda o: isinstance(o, Leaf), extra_ignore=[id(registry['second'])])
c2 = objgraph.find_ref_chain(registry, lambda o: isinstance(o, Leaf), extra_ignore=[id(registry['first'])])
print([type(o).__name__ for o in c1], [type(o).__name__ for o in c2])
objgraph.show_chain(c1, [], c2, backrefs=False, filename='chains.dot', highlight=lambda o: isinstance(o, Holder))
sys.stdout.write(open('chains.dot').read())
objgraph.show_chain(c1, backrefs=False, output=sys.stdout, extra_info=lambda o: type(o).__name__.upper())
for kw in ({}, {'max_depth': 2}, {'filter': own}):
    try:
        objgraph.show_chain([], **kw)
    except (ValueError, TypeError) as e:
        print("%s: %s" % (type(e).__name__, e))
try:
    objgraph.show_chain(c1, filter=own)
except TypeError as e:
    print("TypeError: %s" % e)
