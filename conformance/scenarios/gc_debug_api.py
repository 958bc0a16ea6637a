# set_debug/get_debug and the DEBUG_* constants of each version, plus argument errors.
import gc
def attempt(label, f):
    try:
        print("%s -> %r" % (label, f()))
    except (TypeError, ValueError) as e:
        print("%s -> %s: %s" % (label, type(e).__name__, e))
for name in ["DEBUG_STATS", "DEBUG_COLLECTABLE", "DEBUG_UNCOLLECTABLE", "DEBUG_INSTANCES",
             "DEBUG_OBJECTS", "DEBUG_SAVEALL", "DEBUG_LEAK"]:
    print("%s = %r" % (name, getattr(gc, name, None)))
print("initial: %d" % gc.get_debug())
gc.set_debug(-1)
print("after set_debug(-1): %d" % gc.get_debug())
gc.set_debug(gc.DEBUG_SAVEALL | gc.DEBUG_STATS)
print("SAVEALL|STATS: %d" % gc.get_debug())
gc.set_debug(0)
attempt("set_debug()", lambda: gc.set_debug())
attempt("set_debug(flags=1)", lambda: gc.set_debug(flags=1))
attempt("set_debug('x')", lambda: gc.set_debug('x'))
print("final: %d" % gc.get_debug())
