# objgraph.at finds a tracked object by id; untracked objects (ints, strings, empty dicts) are not found.
import objgraph
class Thing(object):
    pass
t = Thing()
lst = [1, 2]
print("at(id(t)) is t: %s" % (objgraph.at(id(t)) is t))
print("at(id(lst)) is lst: %s" % (objgraph.at(id(lst)) is lst))
big = 10 ** 20
print("int: %r" % (objgraph.at(id(big)),))
print("empty dict: %r" % (objgraph.at(id({})),))
s = "some string"
print("str: %r" % (objgraph.at(id(s)),))
found = objgraph.at_addrs(set([id(t), id(lst), id(big)]))
print("at_addrs found: %d, has t: %s, has lst: %s" % (len(found), any(x is t for x in found), any(x is lst for x in found)))
