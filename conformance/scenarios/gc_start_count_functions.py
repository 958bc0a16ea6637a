# profiles: 2.7
# 2.7's count0 on the first line includes what compiling the script left: the compiler's symtable/compiler dicts and lists (for every def, lambda and nested scope) and each code object's co_consts/co_names/co_varnames tuples, taken from the free lists when they have one.
import gc
print(gc.get_count())
def add(a, b=1):
    return a + b
def outer(x):
    def inner(y):
        return x + y
    return inner
square = lambda n: n * n
print(add(1), outer(2)(3), square(4))
