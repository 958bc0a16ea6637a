# Spec 53: a young 2-cycle referenced from an old (gen2) garbage cycle survives collect(0) and collect(1).
import gc
gc.disable()
gc.collect()
class Node(object):
    pass
old = Node()
old.me = old
gc.collect()
a = Node()
b = Node()
a.b = b
b.a = a
old.child = a
del a, b, old
print("collect(0): %d %r" % (gc.collect(0), gc.get_count()))
print("collect(1): %d %r" % (gc.collect(1), gc.get_count()))
print("collect(2): %d %r" % (gc.collect(2), gc.get_count()))
