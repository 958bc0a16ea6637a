# id() and hex(id()) of objects: printed addresses normalize to 0xADDR; identity comparisons are stable.
class A(object):
    pass
a = A()
b = A()
print("hex id: %s" % hex(id(a)))
print("same id: %s, different objects differ: %s" % (id(a) == id(a), id(a) != id(b)))
print("repr contains the id: %s" % (("%x" % id(a)) in repr(a).lower()))
print("default repr: %r" % (a,))
alias = a
print("alias same id: %s" % (id(alias) == id(a)))
