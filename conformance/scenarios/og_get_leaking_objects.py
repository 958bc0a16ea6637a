# get_leaking_objects(objects): 3.5.0 checks referents among the given objects only, 3.7 among all tracked objects.
import objgraph
class Obj(object):
    def __init__(self, name):
        self.name = name
a = Obj('a')
b = Obj('b')
c = Obj('c')
a.child = b
roots = objgraph.get_leaking_objects([a, b, c])
print("without referrers among/around them: %r" % sorted(o.name for o in roots))
orphan_list = [Obj('in_list')]
roots = objgraph.get_leaking_objects(objgraph.by_type('Obj'))
print("from by_type: %r" % sorted(o.name for o in roots))
def inside_function():
    only_local = Obj('local_only')
    return sorted(o.name for o in objgraph.get_leaking_objects(objgraph.by_type('Obj')))
print("with an object referenced only by a running frame: %r" % inside_function())
