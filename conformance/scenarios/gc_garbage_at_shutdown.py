# profiles: 3.12
# test_gc.test_garbage_at_shutdown: with DEBUG_UNCOLLECTABLE a non-empty gc.garbage is printed at exit.
import gc
class X:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "<X %r>" % self.name
gc.garbage.append(X('first'))
gc.garbage.append(X('second'))
gc.set_debug(gc.DEBUG_UNCOLLECTABLE)
print("end of script")
