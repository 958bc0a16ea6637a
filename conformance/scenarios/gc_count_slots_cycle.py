# Spec 4.2: __slots__ instances have no dict, so a 2-cycle is 2 objects in both versions.
import gc
gc.disable()
gc.collect()
class S(object):
    __slots__ = ('other', 'value')
def make():
    a, b = S(), S()
    a.other = b
    b.other = a
    a.value = [1]
make()
print("slots 2-cycle with a list value: %d" % gc.collect())
class P(object):
    pass
def make_plain():
    a, b = P(), P()
    a.other = b
    b.other = a
make_plain()
print("plain 2-cycle: %d" % gc.collect())
