# Closures: counters through a mutable cell, late binding of loop variables, and default-argument capture.
def make_counter():
    state = [0]
    def inc():
        state[0] += 1
        return state[0]
    return inc
c1 = make_counter()
c2 = make_counter()
print("c1: %d %d %d, c2: %d" % (c1(), c1(), c1(), c2()))
late = [lambda: i for i in range(3)]
print("late binding: %r" % ([f() for f in late],))
bound = [lambda i=i: i for i in range(3)]
print("default capture: %r" % ([f() for f in bound],))
def outer():
    x = 'outer x'
    def middle():
        def inner():
            return x
        return inner
    return middle()()
print("two levels: %s" % outer())
print("closure cells: %d" % len(c1.__closure__))
