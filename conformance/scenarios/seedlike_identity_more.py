# seed 01 variation: identity vs equality for lists, tuples built at run time, instances, and None.
a = [1, 2]
b = list(a)
print("copy equal: %s, same: %s" % (a == b, a is b))
n = 2
t1 = (1, n)
t2 = (1, n)
print("runtime tuples equal: %s, same: %s" % (t1 == t2, t1 is t2))
class P(object):
    pass
p, q = P(), P()
print("instances equal (default identity): %s" % (p == q))
print("instance equals itself: %s" % (p == p))
x = None
print("None is None: %s" % (x is None))
c = a
c.append(3)
print("alias sees mutation: %r" % (a,))
print("ids differ for distinct lists: %s" % (id(a) != id(b)))
