# Spec 4.5: slot values are released in declaration order, whatever the assignment order.
class D(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__ %s" % self.name)
class S(object):
    __slots__ = ('p', 'q', 'r')
s = S()
s.r = D('r')
s.q = D('q')
s.p = D('p')
print("del slotted instance")
del s
print("end")
