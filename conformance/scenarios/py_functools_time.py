# functools.partial/reduce/wraps and time: deterministic uses only (no printed timings).
import functools, time
def power(base, exp):
    return base ** exp
square = functools.partial(power, exp=2)
print("partial: %d %d" % (square(5), square(base=3)))
print("partial args: %r %r" % (square.args, sorted(square.keywords.items())))
print("reduce: %d" % functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]))
print("reduce with initial: %r" % (functools.reduce(lambda a, b: a + [b], [1, 2], []),))
def deco(f):
    @functools.wraps(f)
    def wrapper(*args):
        return f(*args) + 1
    return wrapper
@deco
def add(a, b):
    "Add two numbers."
    return a + b
print("wrapped: %d name=%s doc=%s" % (add(1, 2), add.__name__, add.__doc__))
t0 = time.time()
time.sleep(0.01)
print("time moves forward: %s" % (time.time() >= t0))
print("time type: %s" % type(time.time()).__name__)
