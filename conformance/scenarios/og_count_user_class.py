# objgraph.count of a user class as instances are created and freed; short and fully qualified names.
import gc, objgraph
gc.disable()
gc.collect()
class Foo(object):
    pass
class Bar:
    pass
print("Foo before: %d" % objgraph.count('Foo'))
foos = [Foo() for i in range(7)]
bars = [Bar() for i in range(3)]
print("Foo: %d, Bar: %d" % (objgraph.count('Foo'), objgraph.count('Bar')))
print("qualified __main__.Foo: %d" % objgraph.count('__main__.Foo'))
print("wrong module other.Foo: %d" % objgraph.count('other.Foo'))
del foos[:4]
print("after freeing four: %d" % objgraph.count('Foo'))
print("count within a given list: %d" % objgraph.count('Foo', [foos[0], bars[0], foos[1]]))
del foos, bars
print("after del: Foo %d, Bar %d" % (objgraph.count('Foo'), objgraph.count('Bar')))
