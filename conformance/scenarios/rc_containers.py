# Spec 4.1: +1 per list slot, tuple slot, dict key, dict value, set entry, attribute, and [a, a] counts twice.
import sys
class A(object):
    pass
a = A()
base = sys.getrefcount(a)
def delta():
    return sys.getrefcount(a) - base
l = [a]
print("list slot: +%d" % delta())
t = (a, a)
print("plus tuple with two slots: +%d" % delta())
d = {a: a}
print("plus dict key and value: +%d" % delta())
s = set([a])
print("plus set entry: +%d" % delta())
h = A()
h.attr = a
print("plus attribute: +%d" % delta())
del l, t, d, s, h
print("all dropped: +%d" % delta())
twice = [a, a]
print("[a, a]: +%d" % delta())
twice.pop()
print("after pop: +%d" % delta())
twice[:] = []
print("after clearing: +%d" % delta())
