# The article's cycle pictures: show_backrefs(a, max_depth=5) of a direct and an indirect instance cycle, drawn from inside the function.
import objgraph, sys
class OBJ(object):
    pass
def show_direct_cycle_reference():
    a = OBJ()
    a.attr = a
    objgraph.show_backrefs(a, max_depth=5, filename="direct.dot")
def show_indirect_cycle_reference():
    a, b = OBJ(), OBJ()
    a.attr_b = b
    b.attr_a = a
    objgraph.show_backrefs(a, max_depth=5, filename="indirect.dot")
show_direct_cycle_reference()
sys.stdout.write(open('direct.dot').read())
show_indirect_cycle_reference()
sys.stdout.write(open('indirect.dot').read())
