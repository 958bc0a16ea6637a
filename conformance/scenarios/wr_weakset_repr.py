# WeakSet: repr (3.12 shows the underlying set of weakrefs), hashing, comparison with other types, bool.
import weakref
class Obj(object):
    pass
a = Obj()
ws = weakref.WeakSet([a])
text = repr(ws)
print("repr mentions a weakref: %s" % ('weakref' in text))
print("repr: %s" % text)
print("empty repr: %s" % repr(weakref.WeakSet()))
try:
    hash(ws)
except TypeError as e:
    print("hash: TypeError: %s" % e)
print("bool: %s %s" % (bool(ws), bool(weakref.WeakSet())))
print("== 1: %s, != 1: %s" % (ws == 1, ws != 1))
print("== list: %s" % (ws == [a]))
try:
    ws < 1
except TypeError as e:
    print("< 1: TypeError")
del a
print("after death: %s %d" % (bool(ws), len(ws)))
