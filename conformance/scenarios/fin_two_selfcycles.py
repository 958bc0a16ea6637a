# Spec 50: two separate self-cycles, one with __del__: only that one is uncollectable in 2.7.
import gc
gc.disable()
gc.collect()
class D(object):
    def __init__(self, name):
        self.name = name
        self.me = self
    def __del__(self):
        print("__del__ %s" % self.name)
class P(object):
    def __init__(self, name):
        self.name = name
        self.me = self
D('d')
P('p')
print("collect: %d" % gc.collect())
def names():
    return [o.name for o in gc.garbage]
print("garbage: %r" % names())
