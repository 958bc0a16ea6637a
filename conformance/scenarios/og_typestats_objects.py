# typestats / most_common_types / count / by_type over an explicit objects= list (untracked ints and strs count too) and dynamic module names.
import objgraph
Mine = type('MyClass', (), {'__module__': 'mymodule'})
Theirs = type('MyClass', (), {'__module__': 'other'})
objs = [Mine(), Mine(), Theirs(), 1, 2, 3, 'a', 'b', (), [], Mine]
print(sorted(objgraph.typestats(objects=objs).items()))
print(sorted(objgraph.typestats(objects=objs, shortnames=False).items()))
print(sorted(objgraph.typestats(objs, False, lambda o: not isinstance(o, int)).items()))
print(objgraph.most_common_types(objects=objs, limit=3))
print(objgraph.most_common_types(objects=objs, shortnames=False, limit=2))
print(objgraph.count('MyClass', objs), objgraph.count('mymodule.MyClass', objs), objgraph.count('other.MyClass', objs))
print(objgraph.count('int', objs), objgraph.count('type', objs), objgraph.count('MyClass', objects=[]))
print(len(objgraph.by_type('mymodule.MyClass', objs)), len(objgraph.by_type('MyClass', objects=objs)))
print(objgraph.count('MyClass'), objgraph.count('mymodule.MyClass'), objgraph.count('other.MyClass'))
print(objgraph.typestats(shortnames=False)['mymodule.MyClass'])
objgraph.show_most_common_types(objects=objs, limit=2, shortnames=False)
