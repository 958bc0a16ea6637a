# show_refs(refcounts=True) prints each object's reference count (getrefcount - 4) in its label.
import sys, objgraph
class Box(object):
    pass
shared = Box()
outer = [shared, shared, [shared]]
objgraph.show_refs([outer], filename='x.dot', max_depth=2, refcounts=True, filter=lambda x: not isinstance(x, type))
sys.stdout.write(open('x.dot').read())
