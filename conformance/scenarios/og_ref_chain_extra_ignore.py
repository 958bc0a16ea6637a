# find_backref_chain with extra_ignore: ignoring the nearest holder forces a longer route.
import objgraph
class Target(object):
    pass
direct = [Target()]
indirect = {'deep': [[direct[0]]]}
c1 = objgraph.find_backref_chain(direct[0], objgraph.is_proper_module)
print("default: %s" % " -> ".join(type(x).__name__ for x in c1))
c2 = objgraph.find_backref_chain(direct[0], objgraph.is_proper_module, extra_ignore=[id(direct), id(c1)])
print("ignoring the direct list: %s" % " -> ".join(type(x).__name__ for x in c2))
print("second chain ends in the indirect dict's lists: %s" % (c2[-2] is indirect['deep'][0]))
