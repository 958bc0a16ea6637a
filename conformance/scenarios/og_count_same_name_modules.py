# CountTest.test_long_type_names: classes with the same name in different modules are lumped unless qualified.
import objgraph
x = type('MyClass', (), {'__module__': 'mymodule'})()
y = type('MyClass', (), {'__module__': 'other'})()
z = type('MyClass', (), {'__module__': 'other'})()
print("short name: %d" % objgraph.count('MyClass'))
print("mymodule.MyClass: %d" % objgraph.count('mymodule.MyClass'))
print("other.MyClass: %d" % objgraph.count('other.MyClass'))
stats = objgraph.typestats(shortnames=False)
print("typestats long names: %r" % sorted((k, v) for k, v in stats.items() if k.endswith('.MyClass')))
