# profiles: 3.12
# WeakMethod: the callback fires when the method's function dies; hashing, dead equality and argument errors.
import gc, weakref
gc.disable()
class Object:
    def __init__(self, arg):
        self.arg = arg
    def some_method(self):
        return self.arg
def log_cb(r):
    print("callback: got the WeakMethod %s, dead %s" % (r is wm, r() is None))
o = Object(7)
wm = weakref.WeakMethod(o.some_method, log_cb)
print("alive call: %d" % wm()())
print("hash is the hash of the object: %s" % (hash(wm) == hash(o)))
print("deleting the function from the class")
del Object.some_method
gc.collect()
print("dead: %s" % (wm() is None))
o2 = Object(1)
Object.m = lambda self: 1
a = weakref.WeakMethod(o2.m)
b = weakref.WeakMethod(o2.m)
print("equal alive: %s" % (a == b))
del o2
print("equal dead: %s, self-equal dead: %s, != %s" % (a == b, a == a, a != b))
for bad in [Object.m, 1]:
    try:
        weakref.WeakMethod(bad)
    except TypeError as e:
        print("TypeError: %s" % e)
