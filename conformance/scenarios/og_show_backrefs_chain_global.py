# show_backrefs of an object reached from a global list; filtered to lists and the module's dict, culled at the module.
import sys, objgraph
class Leaf(object):
    pass
holder = [[Leaf()]]
def wanted(x):
    return isinstance(x, list) or x is globals() or type(x) is type(sys)
objgraph.show_backrefs(holder[0][0], filename='x.dot', max_depth=4, filter=wanted)
sys.stdout.write(open('x.dot').read())
