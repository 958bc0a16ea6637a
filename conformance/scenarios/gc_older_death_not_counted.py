# Objects of older generations freed as a side effect of clearing young garbage are not counted by collect(0).
import gc
gc.disable()
gc.collect()
class Node(object):
    pass
class Loud(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("freed %s" % self.name)
old = Loud("old")
gc.collect()
a = Node()
b = Node()
a.b = b
b.a = a
a.old = old
del old, a, b
print("collect(0): %d" % gc.collect(0))
