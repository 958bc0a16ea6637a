# objgraph._obj_label / _obj_attrs / _quote as the DOT writer uses them: type names, extra_info, refcounts, quoting.
import objgraph
class Thing(object):
    def __repr__(self):
        return 'Thing "quoted"\nsecond line'
t = Thing()
print(objgraph._obj_label(t))
print(objgraph._obj_label(t, shortnames=False))
print(objgraph._obj_label(t, extra_info=lambda o: 'info\\%d' % 42))
print(objgraph._obj_label([1, 2, 3], lambda o: len(o), False, False))
print(objgraph._obj_label(t, extra_info=None, refcounts=True).split('\\n')[0])
others = [t, t, t]
print(objgraph._obj_label(t, refcounts=True).split('\\n')[0])
print(repr(objgraph._obj_attrs(t, None)))
print(repr(objgraph._obj_attrs(t, lambda o: {'shape': 'box', 'color': None, 'label': 'a "b"'})))
print(repr(objgraph._obj_attrs(t, lambda o: {})))
print(objgraph._quote('back\\slash "dq"\nnl \0 nul'))
try:
    objgraph._obj_attrs(t, lambda o: {'width': 3})
except AttributeError as e:
    print("AttributeError: %s" % e)
