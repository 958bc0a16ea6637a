# seed 12 variation: an event bus holding bound methods keeps listeners alive; unsubscribing (or weak refs) lets them go.
import sys, gc, weakref
class Bus(object):
    def __init__(self):
        self.listeners = []
    def subscribe(self, fn):
        self.listeners.append(fn)
    def publish(self, ev):
        for fn in self.listeners:
            fn(ev)
class Widget(object):
    def __init__(self, name):
        self.name = name
    def on_event(self, ev):
        print("%s saw %s" % (self.name, ev))
    def __del__(self):
        print("del %s" % self.name)
gc.disable()
bus = Bus()
w1 = Widget('w1')
w2 = Widget('w2')
print("w1 refs before: %d" % sys.getrefcount(w1))
bus.subscribe(w1.on_event)
bus.subscribe(w2.on_event)
print("w1 refs after subscribe: %d" % sys.getrefcount(w1))
bus.publish('click')
r1 = weakref.ref(w1)
del w1, w2
print("w1 alive: %s" % (r1() is not None))
m = bus.listeners.pop(0)
print("popped method of: %s" % m.__self__.name)
del m
print("w1 alive after pop: %s" % (r1() is not None))
bus.publish('key')
bus.listeners[:] = []
print("end")
