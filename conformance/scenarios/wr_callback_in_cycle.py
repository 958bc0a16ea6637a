# Spec 4.7: a weakref that is itself part of the garbage never runs its callback.
import gc, weakref
gc.disable()
gc.collect()
class C(object):
    def on_death(self, ref):
        print("bound-method callback ran")
called = []
def cb(ref):
    called.append(1)
def self_loop_with_own_ref():
    a = C()
    a.me = a
    a.w = weakref.ref(a, cb)
self_loop_with_own_ref()
print("self-loop holding its own callback ref: %d" % gc.collect())
print("callback calls: %d" % len(called))
def callback_is_own_method():
    target = C()
    holder = C()
    holder.target = target
    target.holder = holder
    holder.wr = weakref.ref(target, holder.on_death)
callback_is_own_method()
print("weakref and its bound-method callback in the garbage: %d" % gc.collect())
keep = C()
def external_ref():
    a = C()
    a.me = a
    keep.wr = weakref.ref(a, cb)
external_ref()
print("self-loop with an outside callback ref: %d" % gc.collect())
print("callback calls: %d" % len(called))
