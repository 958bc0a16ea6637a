# test_weakref.test_weak_keyed_cascading_deletes: WeakKeyDictionary deletion while __eq__ drops the last strong reference to a key.
import weakref
d = weakref.WeakKeyDictionary()
mutate = False
class C(object):
    def __init__(self, i):
        self.value = i
    def __hash__(self):
        return hash(self.value)
    def __eq__(self, other):
        if mutate:
            del objs[-1]
        return self.value == other.value
objs = [C(i) for i in range(4)]
for o in objs:
    d[o] = o.value
del o
objs = list(d.keys())
objs.reverse()
mutate = True
count = 0
for o in objs:
    count += 1
    del d[o]
print(len(d), count)
print(sorted(k.value for k in objs))
