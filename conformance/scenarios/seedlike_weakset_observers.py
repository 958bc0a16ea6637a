# seed 11 variation: an observer registry built on WeakSet forgets observers as they are dropped.
import gc, weakref
class Observer(object):
    def __init__(self, name):
        self.name = name
    def notify(self, event):
        return "%s got %s" % (self.name, event)
class Subject(object):
    def __init__(self):
        self.observers = weakref.WeakSet()
    def emit(self, event):
        return sorted(o.notify(event) for o in self.observers)
gc.disable()
s = Subject()
a, b, c = Observer('a'), Observer('b'), Observer('c')
for o in (a, b, c):
    s.observers.add(o)
del o
print(s.emit('start'))
del b
print(s.emit('after b left'))
c.me = c
del c
print("c still registered before collect: %d" % len(s.observers))
gc.collect()
print(s.emit('after collect'))
