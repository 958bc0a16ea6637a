# extra_node_attrs adds sorted, quoted attributes to each node label line.
import sys, objgraph
class Box(object):
    pass
objgraph.show_refs([[Box()]], filename='x.dot', max_depth=1,
                   extra_node_attrs=lambda o: {'tooltip': type(o).__name__, 'URL': 'x"y', 'skip': None})
sys.stdout.write(open('x.dot').read())
