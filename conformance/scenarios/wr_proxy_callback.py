# A proxy can carry a callback too; it receives the dead proxy, and callbacks of refs and proxies share one order.
import weakref
class C(object):
    pass
log = []
def cb(p):
    try:
        p.anything
        log.append("proxy usable")
    except ReferenceError:
        log.append("proxy callback: proxy is dead")
def rcb(r):
    log.append("ref callback: %s" % (r() is None))
o = C()
p = weakref.proxy(o, cb)
r = weakref.ref(o, rcb)
del o
for line in log:
    print(line)
