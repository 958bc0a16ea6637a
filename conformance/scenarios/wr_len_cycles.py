# test_weakref check_len_cycles / test_weakset.test_len_cycles: len() of weak containers whose referents die in a collection while an iterator is alive.
import gc, weakref
class RefCycle:
    def __init__(self):
        self.cycle = self
def check(name, dict_type, cons):
    N = 20
    items = [RefCycle() for i in range(N)]
    dct = dict_type(cons(o) for o in items)
    it = getattr(dct, 'iteritems', None) or dct.items
    it = it()
    try:
        next(it)
    except StopIteration:
        pass
    del items
    gc.collect()
    n1 = len(dct)
    del it
    gc.collect()
    n2 = len(dct)
    print("%s: %d %d" % (name, n1, n2))
check("WeakKeyDictionary", weakref.WeakKeyDictionary, lambda k: (k, 1))
check("WeakValueDictionary", weakref.WeakValueDictionary, lambda k: (1, k))
items = [RefCycle() for i in range(20)]
s = weakref.WeakSet(items)
del items
it = iter(s)
try:
    next(it)
except StopIteration:
    pass
gc.collect()
n1 = len(s)
del it
gc.collect()
gc.collect()
print("WeakSet: %d %d" % (n1, len(s)))
