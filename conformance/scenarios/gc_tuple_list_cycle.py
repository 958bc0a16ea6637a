# test_gc.test_tuple: a tuple and a list referring to each other collect as 2 objects.
import gc
gc.disable()
gc.collect()
l = []
t = (l,)
l.append(t)
print("collect while referenced: %d" % gc.collect())
del t
print("collect after del t only: %d" % gc.collect())
del l
print("collect after del l: %d" % gc.collect())
