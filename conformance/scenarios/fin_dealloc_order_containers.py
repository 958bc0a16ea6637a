# Spec 4.5: list and tuple items are released last to first; a chain a -> b -> c is finalized parent first.
class D(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__ %s" % self.name)
l = [D('l0'), D('l1'), D('l2')]
print("del list")
del l
t = (D('t0'), D('t1'), D('t2'))
print("del tuple")
del t
a = D('a')
a.n = D('b')
a.n.n = D('c')
print("del chain")
del a
d = {}
d[1] = D('d1')
d[2] = D('d2')
d[3] = D('d3')
print("del int-keyed dict")
del d
print("end")
