# is_proper_module: true for modules registered in sys.modules, false for other objects.
import sys, gc, objgraph
print("gc: %s" % objgraph.is_proper_module(gc))
print("sys: %s" % objgraph.is_proper_module(sys))
print("__main__: %s" % objgraph.is_proper_module(sys.modules['__main__']))
print("list: %s" % objgraph.is_proper_module([]))
print("string: %s" % objgraph.is_proper_module('gc'))
print("new module not registered: %s" % objgraph.is_proper_module(type(sys)('scratch_module')))
