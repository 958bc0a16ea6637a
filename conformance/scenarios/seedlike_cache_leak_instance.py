# seed 05 variation: the leak goes into a list attribute of a global registry object; 2.7's chain passes its __dict__.
import objgraph
class Registry(object):
    def __init__(self):
        self.items = []
class OBJ(object):
    pass
registry = Registry()
def func_to_leak():
    o = OBJ()
    registry.items.append(o)
func_to_leak()
chain = objgraph.find_backref_chain(objgraph.by_type('OBJ')[0], objgraph.is_proper_module)
print("chain length: %d" % len(chain))
print("chain types: %s" % " -> ".join(type(x).__name__ for x in chain))
print("list in chain is registry.items: %s" % (chain[-2] is registry.items))
