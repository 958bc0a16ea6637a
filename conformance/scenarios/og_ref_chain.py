# find_ref_chain (chain.txt): from a container to the first object matching a predicate, following referents.
import objgraph
class Unpicklable(object):
    pass
my_object = dict(foo=dict(unrelated='things'),
                 bar=[dict(nesting='fun'),
                      dict(boobytrap=Unpicklable())])
chain = objgraph.find_ref_chain(my_object, lambda x: isinstance(x, Unpicklable))
print("length: %d" % len(chain))
print("types: %s" % " -> ".join(type(x).__name__ for x in chain))
print("starts at my_object: %s" % (chain[0] is my_object))
none = objgraph.find_ref_chain(my_object, lambda x: isinstance(x, set))
print("not found: length %d" % len(none))
