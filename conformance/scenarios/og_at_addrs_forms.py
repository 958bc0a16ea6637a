# at_addrs tests `id(o) in address_set`: sets, lists, dict keys and frozensets work; results come in gc order; bad sets raise.
import objgraph
class Box(object):
    def __init__(self, n):
        self.n = n
boxes = [Box(i) for i in range(5)]
wanted = [id(boxes[3]), id(boxes[1])]
def names(objs):
    return [o.n for o in objs if isinstance(o, Box)]
print(names(objgraph.at_addrs(set(wanted))))
print(names(objgraph.at_addrs(wanted)))
print(names(objgraph.at_addrs(dict((a, None) for a in wanted))))
print(names(objgraph.at_addrs(frozenset(wanted + [0, 12345]))))
print(objgraph.at_addrs(set()), objgraph.at_addrs([id(5), id('text')]))
print(objgraph.at(id(boxes[2])) is boxes[2], objgraph.at(id(boxes[2].n)))
for bad in (5, None, 'abc'):
    try:
        objgraph.at_addrs(bad)
    except TypeError as e:
        print("TypeError: %s" % e)
