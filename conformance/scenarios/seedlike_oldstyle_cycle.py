# seed 3 variation: the article's cycles with classic (2.7 old-style) and new-style classes side by side.
import gc
class Classic:
    pass
class New(object):
    pass
def cycle(cls):
    a, b = cls(), cls()
    a.other = b
    b.other = a
gc.disable()
gc.collect()
cycle(Classic)
print("classic pair: %d" % gc.collect())
cycle(New)
print("new-style pair: %d" % gc.collect())
x = Classic()
x.me = x
print(type(x).__name__ in ('instance', 'Classic'))
del x
print("classic self-cycle: %d" % gc.collect())
