# get_leaking_objects(objects): a list, an empty list, and a one-shot iterator (objgraph iterates objects twice).
import objgraph
class Root(object):
    pass
class Child(object):
    pass
def make():
    r = Root()
    r.child = Child()
    return [r, r.child]
pair = make()
print(sorted(type(o).__name__ for o in objgraph.get_leaking_objects(pair)))
print(sorted(type(o).__name__ for o in objgraph.get_leaking_objects(objects=[pair[1]])))
for arg in ([], iter(pair)):
    try:
        print(objgraph.get_leaking_objects(arg))
    except UnboundLocalError as e:
        print("UnboundLocalError: %s" % e)
