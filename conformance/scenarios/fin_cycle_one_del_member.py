# Spec 49: a 2-cycle where only one member has __del__: 2.7 keeps both (garbage lists only the __del__ one); 3.12 frees both.
import gc
gc.disable()
gc.collect()
class D(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__ %s" % self.name)
class P(object):
    def __init__(self, name):
        self.name = name
d = D('d')
p = P('p')
d.p = p
p.d = d
del d, p
print("collect: %d" % gc.collect())
def names():
    return [o.name for o in gc.garbage]
print("garbage: %r" % names())
