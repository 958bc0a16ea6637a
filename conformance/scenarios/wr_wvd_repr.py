# repr() of WeakValueDictionary, WeakKeyDictionary and of their subclasses (2.7 prints the id in decimal).
import weakref
class Obj(object):
    pass
def show(label, d):
    text = repr(d).replace(str(id(d)), 'ID').replace('%#x' % id(d), 'ID')
    print("%s: %s" % (label, text))
a = Obj()
show("wvd", weakref.WeakValueDictionary({1: a}))
show("wkd", weakref.WeakKeyDictionary({a: 1}))
class MyWVD(weakref.WeakValueDictionary):
    pass
class MyWKD(weakref.WeakKeyDictionary):
    pass
show("wvd subclass", MyWVD())
show("wkd subclass", MyWKD())
m = MyWVD({2: a})
print("subclass works: %s %d" % (m[2] is a, len(m)))
print("isinstance: %s" % isinstance(m, weakref.WeakValueDictionary))
