# Spec 4.2: objects freed for closure cycles: recursive inner function, and a list holding a lambda that closes over it.
import gc
gc.disable()
gc.collect()
def make_recursive():
    def fact(n):
        if n <= 1:
            return 1
        return n * fact(n - 1)
    return fact(5)
print("fact(5) = %d" % make_recursive())
print("recursive inner function: %d" % gc.collect())
def make_list_lambda():
    l = []
    l.append(lambda: l)
make_list_lambda()
print("list <-> lambda closure: %d" % gc.collect())
def make_default_cycle():
    def f(x=None, y=[]):
        return f
    f.__defaults__[1].append(f)
make_default_cycle()
print("function <-> default list: %d" % gc.collect())
