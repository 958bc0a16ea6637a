# show_chain(find_backref_chain(...)) draws only the chain's objects, from the module down to the object.
import sys, objgraph
class Leaked(object):
    pass
cache = {'entries': [Leaked()]}
chain = objgraph.find_backref_chain(cache['entries'][0], objgraph.is_proper_module)
print("chain: %s" % " -> ".join(type(x).__name__ for x in chain))
objgraph.show_chain(chain, filename='x.dot')
sys.stdout.write(open('x.dot').read())
