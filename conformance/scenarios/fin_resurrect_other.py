# profiles: 3.12
# Spec 66: a.__del__ saves d, which belongs to another garbage cycle c<->d: c and d survive and are finalized once.
import gc
gc.disable()
gc.collect()
saved = []
class N:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__ %s" % self.name)
        if self.name == 'a':
            saved.append(self.partner_d)
a, b, c, d = N('a'), N('b'), N('c'), N('d')
a.other = b
b.other = a
c.other = d
d.other = c
a.partner_d = d
del a, b, c, d
print("collect: %d" % gc.collect())
print("saved: %r" % ([o.name for o in saved],))
print("saved d still linked to c: %s" % (saved[0].other.name == 'c'))
del saved[:]
print("collect after dropping d: %d" % gc.collect())
