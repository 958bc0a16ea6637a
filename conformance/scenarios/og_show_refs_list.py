# show_refs of a small list structure written to x.dot: node labels, depth colours and edges.
import sys, objgraph
class Leaf(object):
    pass
data = [[1, 2], (3, Leaf())]
objgraph.show_refs([data], filename='x.dot', max_depth=2)
sys.stdout.write(open('x.dot').read())
