# test_gc.test_list: a list that contains itself is freed only by the collector (1 object).
import gc
gc.disable()
gc.collect()
l = []
l.append(l)
print("collect while referenced: %d" % gc.collect())
del l
print("collect after del: %d" % gc.collect())
print("collect again: %d" % gc.collect())
