# WeakSet API: add/discard/remove/pop/clear/copy, membership, len, and errors for missing or unreferenceable items.
import weakref
class Obj(object):
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "Obj(%s)" % self.name
a, b, c = Obj('a'), Obj('b'), Obj('c')
ws = weakref.WeakSet([a, b])
print("len: %d" % len(ws))
print("a in ws: %s, c in ws: %s" % (a in ws, c in ws))
ws.add(c)
ws.add(c)
print("after adding c twice: %d" % len(ws))
ws.discard(b)
ws.discard(b)
print("after discarding b twice: %d" % len(ws))
try:
    ws.remove(b)
except KeyError as e:
    print("remove missing: KeyError %r" % (e.args[0],))
print("members: %r" % sorted(o.name for o in ws))
cp = ws.copy()
print("copy is a WeakSet: %s, len %d" % (type(cp).__name__, len(cp)))
popped = ws.pop()
print("pop returned a member: %s, len now %d" % (popped in (a, c), len(ws)))
ws.clear()
print("after clear: %d" % len(ws))
try:
    ws.pop()
except KeyError as e:
    print("pop from empty: KeyError: %s" % e)
try:
    ws.add(1)
except TypeError as e:
    print("add int: TypeError: %s" % e)
print("int in ws: %s" % (1 in ws))
