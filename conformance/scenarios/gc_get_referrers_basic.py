# get_referrers finds the containers (list, dict, instance or its dict) that hold an object.
import gc
class Holder(object):
    pass
target = Holder()
lst = [target]
dct = {'key': target}
h = Holder()
h.attr = target
refs = gc.get_referrers(target)
print("list holds it: %s" % any(r is lst for r in refs))
print("dict holds it: %s" % any(r is dct for r in refs))
print("holder instance (or its __dict__) holds it: %s" % any(r is h or r is getattr(h, '__dict__', None) for r in refs))
print("no args: %r" % (gc.get_referrers(),))
print("int referrers are not listed as ints: %s" % all(not isinstance(r, int) for r in gc.get_referrers(12345)))
del lst[:]
print("after emptying the list: %s" % any(r is lst for r in gc.get_referrers(target)))
