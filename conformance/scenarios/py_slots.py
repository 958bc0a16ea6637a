# __slots__: allowed attributes, no __dict__, errors for other attributes, unset slots, and a subclass that adds a dict.
class P(object):
    __slots__ = ('x', 'y')
    def __init__(self, x):
        self.x = x
p = P(1)
print("x: %d" % p.x)
print("has __dict__: %s" % hasattr(p, '__dict__'))
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError: %s" % e)
try:
    p.y
except AttributeError as e:
    print("unset slot: AttributeError: %s" % e)
p.y = 2
del p.y
print("slot deleted: %s" % hasattr(p, 'y'))
class Q(P):
    pass
q = Q(5)
q.z = 6
print("subclass without __slots__ has a dict: %s %r" % (hasattr(q, '__dict__'), q.__dict__))
