# test_gc.test_get_referents: referents of lists, tuples, dicts and several arguments at once; atoms have none.
import gc
alist = [1, 3, 5]
got = gc.get_referents(alist)
got.sort()
print("list: %r" % (got,))
atuple = tuple(alist)
got = gc.get_referents(atuple)
got.sort()
print("tuple: %r" % (got,))
adict = {1: 3, 5: 7}
got = gc.get_referents(adict)
got.sort()
print("dict: %r" % (got,))
got = gc.get_referents([1, 2], {3: 4}, (0, 0, 0))
got.sort()
print("three args: %r" % (got,))
print("atoms: %r" % (gc.get_referents(1, 'a', 4j),))
print("no args: %r" % (gc.get_referents(),))
