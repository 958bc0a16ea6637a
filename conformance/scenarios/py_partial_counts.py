# gc.get_count() deltas of creating and calling partials: the call's args tuple and kwargs dict,
# the partial, its args slice and keywords dict (3.12 keeps the call's kwargs dict), and what a
# call allocates (vectorcall when no keywords are stored, else tp_call with copies).
# The warm-up refills the dict and tuple free lists, which importing functools.py leaves in
# states the measurements below should not depend on.
import functools, gc
P = functools.partial
def f(*a, **k):
    return a
def g():
    pass
warm = [{} for i in range(20)] + [(i,) for i in range(20)] + [(i, i) for i in range(20)]
del warm
keep = []
def delta(label, make):
    gc.collect()
    before = gc.get_count()[0]
    keep.append(make())
    after = gc.get_count()[0]
    print('%s %d' % (label, after - before))
delta('P(g)', lambda: P(g))
delta('P(f, 1)', lambda: P(f, 1))
delta('P(f, 1, b=2)', lambda: P(f, 1, b=2))
delta('P(f, b=2)', lambda: P(f, b=2))
delta('P(P(f, 1), 2)', lambda: P(P(f, 1), 2))
p0 = P(f)
p1 = P(f, 1)
pk = P(f, 1, b=2)
delta('p0()', lambda: p0())
delta('p1()', lambda: p1())
delta('p1(2)', lambda: p1(2))
delta('p1(z=3)', lambda: p1(z=3))
delta('pk()', lambda: pk())
delta('pk(2, c=3)', lambda: pk(2, c=3))
delta('pk() again', lambda: pk())
del keep[:]
gc.collect()
print(gc.get_count()[0] < 5)
