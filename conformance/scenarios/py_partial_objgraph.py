# objgraph sees native partial objects: count, by_type, typestats, a back-reference chain.
import functools, gc
import objgraph
P = functools.partial
def f(*a):
    return a
class Node(object):
    pass
gc.collect()
before = objgraph.count('partial')
keep = [P(f, i) for i in range(3)]
keep.append(P(f, x=1))
print(objgraph.count('partial') - before)
print(sorted(len(p.args) for p in objgraph.by_type('partial') if p in keep))
print(objgraph.typestats(shortnames=True).get('partial', 0) - before)
n = Node()
n.cb = P(f, n)
chain = objgraph.find_backref_chain(n.cb, objgraph.is_proper_module)
print([type(x).__name__ for x in chain])
del keep[:]
print(objgraph.count('partial') - before)
