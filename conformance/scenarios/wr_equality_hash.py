# test_weakref.test_equality / test_hashing: live refs compare and hash like their referents; dead refs by identity.
import weakref
class V(object):
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, V) and self.v == other.v
    def __ne__(self, other):
        return not self.__eq__(other)
    def __hash__(self):
        return hash(self.v)
a = V(1)
b = V(1)
c = V(2)
ra, rb, rc = weakref.ref(a), weakref.ref(b), weakref.ref(c)
print("ra == rb (equal referents): %s" % (ra == rb))
print("ra == rc: %s" % (ra == rc))
print("hash(ra) == hash(a): %s" % (hash(ra) == hash(a)))
h = hash(rb)
del a, b
print("dead ra == rb: %s" % (ra == rb))
print("dead ra == ra: %s" % (ra == ra))
print("hash of dead ref that was hashed before: %s" % (hash(rb) == h))
try:
    hash(ra)
    print("hash of dead ref never hashed: ok")
except TypeError as e:
    print("hash of dead ref never hashed: TypeError: %s" % e)
