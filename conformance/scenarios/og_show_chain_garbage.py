# show_chain after find_backref_chain: on 2.7 the show_chain frame (its in_chains closure and default-argument set, the chains list) joins the show_backrefs/_show_graph frames in the garbage; a forward chain leaves none.
import gc
import objgraph
class Leaf(object):
    pass
holder = {'leaf': Leaf()}
leaf = holder['leaf']
def report():
    gc.set_debug(gc.DEBUG_SAVEALL)
    n = gc.collect()
    kinds = {}
    for o in gc.garbage:
        kinds[type(o).__name__] = kinds.get(type(o).__name__, 0) + 1
    del gc.garbage[:]
    gc.set_debug(0)
    print(n, sorted(kinds.items()))
gc.collect()
chain = objgraph.find_backref_chain(leaf, objgraph.is_proper_module)
gc.collect()
print([type(o).__name__ for o in chain])
objgraph.show_chain(chain, filename='chain.dot')
report()
fwd = objgraph.find_ref_chain(holder, lambda o: isinstance(o, Leaf))
gc.collect()
objgraph.show_chain(fwd, backrefs=False, filename='fwd.dot')
report()
objgraph.show_chain(chain, output=None, filename='chain2.dot', refcounts=True)
report()
