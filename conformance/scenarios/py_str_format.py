# str.format: positional, indexed, keyword, attribute and item access, format specs and conversions.
class P(object):
    def __init__(self):
        self.x = 3
        self.items = ['first', 'second']
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "a P"
print("{} and {}".format('a', 'b'))
print("{1} before {0}".format('a', 'b'))
print("{name} is {age}".format(name='bob', age=30))
print("{0.x} {0.items[1]}".format(P()))
print("{0!r} {0!s}".format(P()))
print("[{:>8}] [{:<8}] [{:^8}] [{:*^9}]".format('r', 'l', 'c', 'mid'))
print("{:08.3f} {:,} {:x} {:#b} {:e}".format(3.14159, 1234567, 255, 5, 1500.0))
print("{:+d} {: d} {:5d}|".format(7, 7, 7))
print("{{literal braces}} {}".format(1))
print("{0[k]}".format({'k': 'dict item'}))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError: %s" % e)
try:
    "{missing}".format()
except KeyError as e:
    print("KeyError: %s" % e)
