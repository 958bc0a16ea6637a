# seed 08 variation: DEBUG_COLLECTABLE for a 3-instance ring, printed in garbage order.
import gc, sys
class OBJ(object):
    pass
def ring():
    a, b, c = OBJ(), OBJ(), OBJ()
    a.n = b
    b.n = c
    c.n = a
gc.disable()
gc.collect()
gc.set_debug(gc.DEBUG_COLLECTABLE | getattr(gc, 'DEBUG_OBJECTS', 0))
ring()
n = gc.collect()
sys.stderr.flush()
gc.set_debug(0)
print("collected: %d" % n)
