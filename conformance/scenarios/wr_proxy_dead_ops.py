# Every use of a dead proxy raises ReferenceError, except repr; bool(dead proxy) too.
import weakref
class C(object):
    def __init__(self):
        self.items = [1, 2]
    def __len__(self):
        return 2
    def __iter__(self):
        return iter(self.items)
    def __getitem__(self, i):
        return self.items[i]
o = C()
p = weakref.proxy(o)
print("alive: len %d, list %r, [1] %d, bool %s" % (len(p), list(p), p[1], bool(p)))
del o
ops = [("bool", lambda: bool(p)), ("len", lambda: len(p)), ("iter", lambda: list(p)),
       ("getitem", lambda: p[0]), ("str", lambda: str(p)), ("getattr", lambda: p.items),
       ("eq", lambda: p == 1), ("contains", lambda: 1 in p), ("add", lambda: p + 1)]
for name, op in ops:
    try:
        op()
        print("%s: no error" % name)
    except ReferenceError as e:
        print("%s: ReferenceError: %s" % (name, e))
    except TypeError as e:
        print("%s: TypeError: %s" % (name, e))
print("repr works: %s" % repr(p))
