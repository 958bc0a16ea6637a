# *args and **kwargs: collection, unpacking at call sites, and mixing with named parameters.
def f(a, *args, **kwargs):
    return "a=%r args=%r kwargs=%r" % (a, args, sorted(kwargs.items()))
print(f(1))
print(f(1, 2, 3))
print(f(1, x=9, y=8))
print(f(*[1, 2], **{'z': 3}))
def g(*args):
    return len(args)
print("g(): %d, g(*range(5)): %d" % (g(), g(*range(5))))
def h(x, y, z):
    return x + y * 10 + z * 100
print("h(*(1, 2, 3)): %d" % h(*(1, 2, 3)))
print("h(**{...}): %d" % h(**{'x': 4, 'y': 5, 'z': 6}))
try:
    h(1, 2)
except TypeError as e:
    print("TypeError: %s" % e)
try:
    h(1, 2, 3, w=4)
except TypeError as e:
    print("TypeError: %s" % e)
