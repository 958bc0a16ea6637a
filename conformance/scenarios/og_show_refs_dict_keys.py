# Edge labels for dict entries: identifier keys print the key, other keys print their type and repr.
import sys, objgraph
class Box(object):
    pass
d = {}
d['name'] = [1]
objgraph.show_refs([d], filename='x.dot', max_depth=1, filter=lambda x: not isinstance(x, str))
sys.stdout.write(open('x.dot').read())
e = {}
e['not an identifier'] = [2]
objgraph.show_refs([e], filename='y.dot', max_depth=1, filter=lambda x: not isinstance(x, str))
sys.stdout.write(open('y.dot').read())
f = {}
f[42] = [3]
objgraph.show_refs([f], filename='z.dot', max_depth=1, filter=lambda x: not isinstance(x, int))
sys.stdout.write(open('z.dot').read())
