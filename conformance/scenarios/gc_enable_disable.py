# enable()/disable() return None and toggle isenabled(); collect() works while disabled.
import gc
print("initially enabled: %s" % gc.isenabled())
print("disable() returns: %r" % (gc.disable(),))
print("enabled: %s" % gc.isenabled())
gc.collect()
l = []
l.append(l)
del l
print("collect while disabled: %d" % gc.collect())
print("enable() returns: %r" % (gc.enable(),))
print("enabled: %s" % gc.isenabled())
gc.enable()
print("enable twice: %s" % gc.isenabled())
gc.disable()
gc.disable()
print("disable twice: %s" % gc.isenabled())
