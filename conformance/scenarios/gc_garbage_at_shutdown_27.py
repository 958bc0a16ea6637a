# profiles: 2.7
# Python 2.7 prints nothing at exit for a non-empty gc.garbage, even with DEBUG_UNCOLLECTABLE.
import gc
class X(object):
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "<X %r>" % self.name
    def __del__(self):
        pass
x = X('first')
x.x = x
x.y = X('second')
del x
print("collect: %d" % gc.collect())
print("garbage: %r" % (gc.garbage,))
gc.set_debug(gc.DEBUG_UNCOLLECTABLE)
print("end of script")
