# profiles: 3.12
# PEP 584 on weak mappings: |, |= and reversed | with dicts for WeakValueDictionary and WeakKeyDictionary.
import weakref
class Obj:
    def __init__(self, name):
        self.name = name
a, b, c = Obj('a'), Obj('b'), Obj('c')
v1 = weakref.WeakValueDictionary({1: a})
v2 = weakref.WeakValueDictionary({2: b})
u = v1 | v2
print("wvd | wvd: %s %r" % (type(u).__name__, sorted((k, x.name) for k, x in u.items())))
u = v1 | {3: c}
print("wvd | dict: %s %r" % (type(u).__name__, sorted(u.keys())))
u = {3: c} | v1
print("dict | wvd: %s %r" % (type(u).__name__, sorted(u.keys())))
v1 |= {1: b}
print("|= overwrites: %s" % v1[1].name)
print("| list: %r" % (v1.__or__([1]),))
k1 = weakref.WeakKeyDictionary({a: 1})
k2 = k1 | {b: 2}
print("wkd | dict: %s %r" % (type(k2).__name__, sorted((k.name, x) for k, x in k2.items())))
k1 |= {a: 10, c: 3}
print("wkd |= : %r" % sorted((k.name, x) for k, x in k1.items()))
try:
    v1 | 1
except TypeError as e:
    print("TypeError: %s" % e)
