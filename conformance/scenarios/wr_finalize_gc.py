# profiles: 3.12
# weakref.finalize on an object in a garbage cycle runs during the collection; the finalizer object itself lives on.
import gc, weakref
gc.disable()
gc.collect()
class Node:
    pass
def on_collect(name):
    print("finalizer for %s ran" % name)
n = Node()
n.me = n
f = weakref.finalize(n, on_collect, "n")
del n
print("alive before collect: %s" % f.alive)
print("collect: %d" % gc.collect())
print("alive after collect: %s" % f.alive)
