# objgraph docs highlighting.txt: a ring of Nodes drawn with show_backrefs(max_depth=15, highlight=...), restricted to the ring.
import sys
import objgraph
class Node(object):
    def __init__(self, *neighbours):
        self.neighbours = list(neighbours)
def build():
    a = Node()
    b = Node(a)
    c = Node(b)
    d = Node(c)
    a.neighbours.append(d)
    objgraph.show_backrefs(a, max_depth=15, extra_ignore=[id(locals())],
        highlight=lambda x: isinstance(x, Node),
        filter=lambda x: isinstance(x, (Node, list)) or (isinstance(x, dict) and 'neighbours' in x),
        filename='highlight.dot')
build()
sys.stdout.write(open('highlight.dot').read())
