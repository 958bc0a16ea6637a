# Spec 63: with threshold0 = 3, 7 list displays in straight-line code: 2.7 collects inside allocation, 3.12 at the next call.
import gc
gc.disable()
gc.collect()
gc.set_threshold(3)
gc.enable()
a=[];b=[];c=[];d=[];e=[];f=[];g=[]
first = gc.get_count()
second = gc.get_count()
gc.disable()
gc.set_threshold(700, 10, 10)
print("first get_count: %r" % (first,))
print("second get_count: %r" % (second,))
