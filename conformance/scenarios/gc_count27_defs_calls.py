# profiles: 2.7
# gc.get_count() as functions with defaults are defined and called, before any full collection:
# the tuple free lists start as the compiler left them (nearly empty but for 2-tuples), so a
# defaults tuple, a closure's cell tuple or a *args tuple is often a new allocation; the counts
# then run into the first generation-0 collections.
import gc
print(gc.get_count())
def f(b=1):
    return b
print(gc.get_count())
def g(a, b=1, c=2, d=3):
    return a + b + c + d
print(gc.get_count())
def outer(x, y=(1, 2, 3)):
    def inner(z=4):
        return x + z
    return inner
print(gc.get_count())
c = outer(1)
print(gc.get_count())
def star(*args, **kw):
    return args
t = star(1, 2, 3)
print(gc.get_count())
k = star(a=1)
print(gc.get_count())
lam = lambda p, q=5: p * q
print(gc.get_count())
kept = []
for i in range(60):
    kept.append(outer(i))
    kept.append((i, i + 1, i + 2, i + 3))
print(gc.get_count())
for i in range(60):
    kept.append([star(i), {i: i}])
print(gc.get_count())
