# seed 02 variation: getrefcount of the same object at module level, as a function argument and inside a method.
import sys
class OBJ(object):
    def count_self(self):
        return sys.getrefcount(self)
def count_arg(o):
    return sys.getrefcount(o)
o = OBJ()
print("module level: %d" % sys.getrefcount(o))
print("as an argument: %d" % count_arg(o))
print("as self: %d" % o.count_self())
holder = {'k': o, 'j': [o]}
print("in a dict value and a nested list: %d" % sys.getrefcount(o))
