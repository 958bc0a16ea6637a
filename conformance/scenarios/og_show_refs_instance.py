# show_refs of an instance with one attribute: 2.7 shows the __dict__ edge, 3.12 reaches the value directly.
import sys, objgraph
class Box(object):
    pass
b = Box()
b.content = [b]
objgraph.show_refs(b, filename='x.dot', max_depth=3, filter=lambda x: not isinstance(x, (type, str)))
sys.stdout.write(open('x.dot').read())
