# FindChainTest port: objgraph._find_chain with gc.get_referrers / gc.get_referents and a custom edge function.
import gc
import objgraph
class Link(object):
    def __init__(self, name, nxt=None):
        self.name = name
        self.nxt = nxt
a = object()
print("no chain: %s" % (objgraph._find_chain(a, lambda x: False, gc.get_referrers) == [a]))
tail = Link('tail')
head = Link('head', Link('mid', tail))
holder = [head]
chain = objgraph._find_chain(tail, lambda x: x is holder, gc.get_referrers)
print("backwards: %s" % [type(x).__name__ for x in chain])
chain = objgraph._find_chain(holder, lambda x: x is tail, gc.get_referents)
print("forwards: %s" % [type(x).__name__ for x in chain])
calls = []
def edges(o):
    calls.append(o.name)
    return [o.nxt] if o.nxt is not None else []
chain = objgraph._find_chain(head, lambda x: x.name == 'tail', edges)
print("custom edges: %s, expanded %s" % ([x.name for x in chain], calls))
del calls[:]
chain = objgraph._find_chain(head, lambda x: x.name == 'tail', edges, max_depth=1)
print("max_depth=1: %s, expanded %s" % ([x.name for x in chain], calls))
del calls[:]
chain = objgraph._find_chain(head, lambda x: x.name == 'tail', edges, extra_ignore=[id(tail)])
print("tail ignored: %s, expanded %s" % ([x.name for x in chain], calls))
try:
    objgraph._find_chain(head, lambda x: False)
except TypeError as e:
    print("TypeError: %s" % e)
