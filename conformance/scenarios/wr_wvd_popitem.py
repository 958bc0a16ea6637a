# WeakValueDictionary/WeakKeyDictionary popitem, pop with default, clear, and the KeyError of an empty popitem.
import weakref
class Obj(object):
    def __init__(self, name):
        self.name = name
a, b = Obj('a'), Obj('b')
d = weakref.WeakValueDictionary()
d[1] = a
k, v = d.popitem()
print("wvd popitem: %r %s, len %d" % (k, v.name, len(d)))
try:
    d.popitem()
except KeyError as e:
    print("wvd popitem empty: KeyError %s" % (e,))
print("wvd pop default: %r" % (d.pop(5, None),))
d[2] = b
d[3] = a
d.clear()
print("wvd after clear: %d %r" % (len(d), list(d.keys())))
w = weakref.WeakKeyDictionary()
w[a] = 'va'
k, v = w.popitem()
print("wkd popitem: %s %s, len %d" % (k.name, v, len(w)))
try:
    w.popitem()
except KeyError as e:
    print("wkd popitem empty: KeyError %s" % (e,))
print("wkd pop default: %r" % (w.pop(a, 'none'),))
w[b] = 1
w.clear()
print("wkd after clear: %d" % len(w))
