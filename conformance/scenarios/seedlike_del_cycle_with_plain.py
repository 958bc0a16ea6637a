# seed 6 variation: a three-object cycle where only one member has __del__ (2.7 parks all in gc.garbage, 3.12 finalizes and frees).
import gc
class Plain(object):
    pass
class Finalized(object):
    def __del__(self):
        print("__del__ of %s" % self.name)
def make_cycle():
    p, q, f = Plain(), Plain(), Finalized()
    p.name, q.name, f.name = 'p', 'q', 'f'
    p.nxt = q
    q.nxt = f
    f.nxt = p
def report():
    print("garbage: %d" % len(gc.garbage))
    print("names: %s" % sorted(getattr(o, 'name', '?') for o in gc.garbage if not isinstance(o, dict)))
gc.disable()
gc.collect()
make_cycle()
print("collect: %d" % gc.collect())
report()
def break_cycles():
    for o in gc.garbage:
        if isinstance(o, Finalized):
            del o.nxt
    del gc.garbage[:]
break_cycles()
print("after breaking: %d" % gc.collect())
report()
