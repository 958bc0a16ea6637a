# WeakValueDictionary API: setitem/getitem/get/in/pop/setdefault/update/keys/values/items/copy and KeyError.
import weakref
class Obj(object):
    def __init__(self, name):
        self.name = name
a, b, c = Obj('a'), Obj('b'), Obj('c')
d = weakref.WeakValueDictionary()
d[1] = a
d[2] = b
print("len: %d" % len(d))
print("d[1] is a: %s" % (d[1] is a))
print("get(2) is b: %s, get(9): %r" % (d.get(2) is b, d.get(9)))
print("1 in d: %s, 9 in d: %s" % (1 in d, 9 in d))
print("setdefault existing returns it: %s" % (d.setdefault(1, c) is a))
print("setdefault new stores it: %s" % (d.setdefault(3, c) is c))
print("keys: %r" % sorted(d.keys()))
print("values: %r" % sorted(v.name for v in d.values()))
print("items: %r" % sorted((k, v.name) for k, v in d.items()))
print("pop(2) is b: %s, len %d" % (d.pop(2) is b, len(d)))
print("pop missing with default: %r" % (d.pop(7, 'dflt'),))
try:
    d[42]
except KeyError as e:
    print("missing key: KeyError %r" % (e.args[0],))
try:
    d.pop(42)
except KeyError as e:
    print("pop missing: KeyError %r" % (e.args[0],))
d.update({4: b})
print("after update: %r" % sorted(d.keys()))
cp = d.copy()
print("copy: %s %d" % (type(cp).__name__, len(cp)))
del d[4]
print("after del d[4]: %r" % sorted(d.keys()))
