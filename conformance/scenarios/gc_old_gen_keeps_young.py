# A reference from an older generation keeps a young object alive in collect(0) even if the old holder is garbage.
import gc
gc.disable()
gc.collect()
class Node(object):
    pass
old = Node()
old.me = old
gc.collect()
young = Node()
young.me = young
old.young = young
del young, old
n0 = gc.collect(0)
c0 = gc.get_count()
n1 = gc.collect(1)
c1 = gc.get_count()
n2 = gc.collect(2)
c2 = gc.get_count()
print("collect(0): %d, counts %r" % (n0, c0))
print("collect(1): %d, counts %r" % (n1, c1))
print("collect(2): %d, counts %r" % (n2, c2))
