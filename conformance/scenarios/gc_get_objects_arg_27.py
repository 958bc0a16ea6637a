# profiles: 2.7
# Python 2.7's gc.get_objects takes no generation argument.
import gc
try:
    gc.get_objects(0)
except TypeError as e:
    print("TypeError: %s" % e)
x = []
print("list found: %s" % any(o is x for o in gc.get_objects()))
