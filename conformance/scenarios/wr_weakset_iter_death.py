# test_weakset.test_weak_destroy_while_iterating: members dying during iteration are skipped, len settles afterwards.
import weakref
class Obj(object):
    def __init__(self, name):
        self.name = name
items = [Obj('i%d' % i) for i in range(10)]
ws = weakref.WeakSet(items)
seen = 0
for o in ws:
    seen += 1
    if seen == 1:
        del items[:]
    del o
    if seen > 20:
        break
print("iterated at least one, at most ten: %s" % (1 <= seen <= 10))
print("len after the loop: %d" % len(ws))
print("list(ws) after the loop: %r" % list(ws))
