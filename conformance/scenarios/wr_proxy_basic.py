# test_weakref.test_basic_proxy: attribute access, assignment and deletion through a proxy, then ReferenceError.
import weakref
class C(object):
    def __init__(self):
        self.x = 1
    def double(self):
        return self.x * 2
o = C()
p = weakref.proxy(o)
print("read: %d" % p.x)
p.x = 21
print("write went through: %d" % o.x)
print("method: %d" % p.double())
p.y = 'new'
print("new attribute on object: %s" % o.y)
del p.y
print("deleted: %s" % hasattr(o, 'y'))
print("type: %s" % type(p).__name__)
del o
for action in ["read", "write", "call"]:
    try:
        if action == "read":
            p.x
        elif action == "write":
            p.x = 2
        else:
            p.double()
    except ReferenceError as e:
        print("%s after death: ReferenceError: %s" % (action, e))
