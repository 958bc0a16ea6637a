# Spec 4.3: in 3.12 reading __dict__ or vars() materializes instance dicts, adding objects to what a 2-cycle frees.
import gc
gc.disable()
gc.collect()
class A(object):
    pass
def pair():
    a, b = A(), A()
    a.x = b
    b.x = a
    return a, b
a, b = pair()
del a, b
print("plain 2-cycle: %d" % gc.collect())
a, b = pair()
d = a.__dict__
del a, b, d
print("a.__dict__ read: %d" % gc.collect())
a, b = pair()
va, vb = vars(a), vars(b)
del a, b, va, vb
print("vars() of both: %d" % gc.collect())
a, b = pair()
a.y = 1
del a.y
del a, b
print("attribute deleted on a: %d" % gc.collect())
