# show_refs with highlight= (blue-ish fill for matching nodes) and extra_info= (an extra label line).
import sys, objgraph
class Box(object):
    pass
b = Box()
b.items = [Box(), 7]
objgraph.show_refs(b, filename='x.dot', max_depth=2,
                   filter=lambda x: not isinstance(x, (type, str, int)),
                   highlight=lambda x: isinstance(x, Box),
                   extra_info=lambda x: "id-free info for %s" % type(x).__name__)
sys.stdout.write(open('x.dot').read())
