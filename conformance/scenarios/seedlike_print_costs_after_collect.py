# seed 14 variation: gc.get_count() right after a full collection, around prints of tuples, lists and dicts (free lists are empty then).
import gc, sys
A = (1, 2)
B = (1, (2, 3), [4, (5,)])
C = {1: (2, 3)}
def show_tuple():
    print(A)
def show_nested():
    print(B)
def show_dict():
    print(C)
def nothing():
    pass
gc.disable()
results = []
for step in (nothing, show_tuple, show_tuple, show_nested, show_dict):
    gc.collect()
    step()
    results.append((step.__name__, gc.get_count()[0]))
gc.collect()
c1 = gc.get_count()
c2 = gc.get_count()
for name, n in results:
    sys.stdout.write("%s: %d\n" % (name, n))
sys.stdout.write("two get_count calls: %d %d\n" % (c1[0], c2[0]))
