# del of names, attributes, items and slices each drop exactly one reference per binding removed.
import sys
class A(object):
    pass
a = A()
base = sys.getrefcount(a)
holder = A()
holder.x = a
l = [a, a, a, a]
d = {'k': a}
n = a
print("held: +%d" % (sys.getrefcount(a) - base))
del n
print("del name: +%d" % (sys.getrefcount(a) - base))
del holder.x
print("del attribute: +%d" % (sys.getrefcount(a) - base))
del d['k']
print("del item: +%d" % (sys.getrefcount(a) - base))
del l[1:3]
print("del slice of two: +%d" % (sys.getrefcount(a) - base))
del l[0]
print("del index: +%d" % (sys.getrefcount(a) - base))
