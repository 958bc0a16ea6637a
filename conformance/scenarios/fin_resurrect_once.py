# test_gc.test_resurrection_only_happens_once_per_object: 3.12 never finalizes a resurrected self-loop again; 2.7 never finalizes it.
import gc
gc.disable()
gc.collect()
class A(object):
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
print("resurrections: %d, kept: %d, gc.garbage: %d" % (Lazarus.resurrected, len(Lazarus.resurrected_instances), len(gc.garbage)))
del Lazarus.resurrected_instances[:]
print("collect after clearing: %d" % gc.collect())
print("resurrections: %d" % Lazarus.resurrected)
