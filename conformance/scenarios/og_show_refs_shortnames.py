# shortnames=False puts module-qualified type names in node labels (and in dict key edge labels).
import sys, objgraph
class Box(object):
    pass
objgraph.show_refs([[Box()]], filename='x.dot', max_depth=1, shortnames=False)
sys.stdout.write(open('x.dot').read())
