# ShowGraphTest ports: objgraph._show_graph with a custom edge function, cull_func, extra_node_attrs and output=.
import objgraph
class TestObject:
    _objs = {}
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return 'TestObject(%s)' % self.name
def get(name):
    if name not in TestObject._objs:
        TestObject._objs[name] = TestObject(name)
    return TestObject._objs[name]
def edge_function(chain_map):
    def helper(src):
        dst = chain_map.get(src.name, [])
        if not isinstance(dst, (list, tuple)):
            dst = [dst]
        return [get(d) for d in dst]
    return helper
class Out(object):
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
def show(objs, edges, swap, **kw):
    out = Out()
    objgraph._show_graph(objs, edge_function(edges), swap, output=out, shortnames=True, **kw)
    print(''.join(out.parts).replace('too_many_o', 'too_many_ o').rstrip())
show([get('A')], {}, False)
show([get('A')], {}, False, extra_node_attrs=lambda o: {'x': 'y', 'z': None})
show([get('A')], {'A': 'B'}, False)
show([get('A')], {'A': 'B', 'B': 'C'}, False, cull_func=lambda obj: obj.name == 'B')
show(get('A'), {'A': ['B', 'C', 'D'], 'B': 'A'}, True, too_many=2, max_depth=2)
show([get('C'), get('D')], {'C': 'D'}, True, highlight=lambda o: o.name == 'D', extra_info=lambda o: o.name * 2)
try:
    objgraph._show_graph([], edge_function({}), False, filename='filename', output=Out())
except ValueError as e:
    print("ValueError: %s" % e)
