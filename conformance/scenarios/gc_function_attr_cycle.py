# A function whose __dict__ refers back to the function: function + attribute dict are freed together.
import gc
gc.disable()
gc.collect()
def make():
    def f():
        pass
    f.me = f
make()
print("collect: %d" % gc.collect())
def g():
    pass
g.me = g
gc.collect()
del g
print("module-level function self-attr: %d" % gc.collect())
