# find_backref_chain through lists and dicts held by a global: the shortest path wins; a global alias shortens it.
import objgraph
class Leaked(object):
    pass
registry = [{'handlers': [Leaked()]}]
def show(label):
    chain = objgraph.find_backref_chain(registry[0]['handlers'][0], objgraph.is_proper_module)
    print("%s: %s" % (label, " -> ".join(type(x).__name__ for x in chain)))
show("through the registry")
alias = registry[0]['handlers'][0]
show("with a global alias")
del alias
other = {'k': registry[0]['handlers']}
show("with a shorter dict route")
