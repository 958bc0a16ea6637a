# profiles: 2.7
# seed 14 variation: in 2.7 calling a builtin type (str, int, list, tuple) with arguments packs them in a tuple; seen in gc.get_count() after a full collection.
import gc, sys
A = (1, 2)
def to_str():
    s = str(A)
def to_int():
    n = int('7')
def to_list():
    l = list(A)
def to_tuple():
    t = tuple([1])
def make_object():
    o = object()
def nothing():
    pass
gc.disable()
results = []
for step in (nothing, to_str, to_str, to_int, to_list, to_tuple, make_object):
    gc.collect()
    step()
    results.append((step.__name__, gc.get_count()[0]))
for name, n in results:
    sys.stdout.write("%s: %d\n" % (name, n))
