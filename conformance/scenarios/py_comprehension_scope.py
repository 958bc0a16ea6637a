# List comprehension variables leak into the enclosing scope in 2.7 but not in 3.12; dict/set comprehensions never leak.
x = 'before'
squares = [x * x for x in range(4)]
print("squares: %r" % (squares,))
print("x after list comprehension: %r" % (x,))
y = 'before'
d = dict((y, y) for y in range(3))
print("y after generator expression: %r" % (y,))
z = 'before'
s = set([1])
s = {z for z in range(3)}
print("z after set comprehension: %r" % (z,))
def inside():
    [k for k in range(2)]
    try:
        return k
    except NameError as e:
        return "NameError: %s" % e
print("inside a function: %r" % (inside(),))
