# Default reprs of instances, classes, functions, nested functions, lambdas and bound methods in each version.
class A(object):
    def m(self):
        pass
class Old:
    pass
def f():
    pass
def outer():
    def inner():
        pass
    return inner
a = A()
print(repr(a))
print(repr(Old()))
print(repr(A))
print(repr(Old))
print(repr(f))
print(repr(outer()))
print(repr(lambda: 0))
print(repr(a.m))
print(repr(A.m))
print(" ".join([repr(None), repr(True), repr(1.5), repr('q'), repr([]), repr(()), repr((1,))]))
