# profiles: 2.7
# DEBUG_INSTANCES prints classic instances in their own format; DEBUG_OBJECTS prints everything else.
import gc, sys
gc.disable()
gc.collect()
class O:
    pass
def make():
    o = O()
    o.me = o
make()
gc.set_debug(gc.DEBUG_COLLECTABLE | gc.DEBUG_INSTANCES)
print("instances only: %d" % gc.collect())
sys.stderr.flush()
make()
gc.set_debug(gc.DEBUG_COLLECTABLE | gc.DEBUG_OBJECTS)
print("objects only: %d" % gc.collect())
sys.stderr.flush()
make()
gc.set_debug(gc.DEBUG_COLLECTABLE)
print("neither: %d" % gc.collect())
gc.set_debug(0)
