# profiles: 3.12
# test_gc.test_resurrection_only_happens_once_per_object: a resurrected self-loop is never finalized again.
import gc
gc.disable()
gc.collect()
class A:
    def __init__(self):
        self.me = self
class Lazarus(A):
    resurrected = 0
    resurrected_instances = []
    def __del__(self):
        Lazarus.resurrected += 1
        Lazarus.resurrected_instances.append(self)
laz = Lazarus()
print("resurrections: %d" % Lazarus.resurrected)
del laz
print("collect: %d" % gc.collect())
print("resurrections: %d, kept: %d" % (Lazarus.resurrected, len(Lazarus.resurrected_instances)))
Lazarus.resurrected_instances.clear()
print("collect after clearing: %d" % gc.collect())
print("resurrections: %d" % Lazarus.resurrected)
