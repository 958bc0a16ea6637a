# seed 7 variation: DEBUG_SAVEALL keeps a subject/observer cycle in gc.garbage; inspect it, then clear it.
import gc
class Subject(object):
    def __init__(self):
        self.observers = []
class Observer(object):
    def __init__(self, subject, name):
        self.subject = subject
        self.name = name
        subject.observers.append(self)
def wire():
    s = Subject()
    Observer(s, 'x')
    Observer(s, 'y')
def summary():
    names = sorted(type(o).__name__ for o in gc.garbage)
    print("garbage types: %s" % names)
    obs = sorted(o.name for o in gc.garbage if isinstance(o, Observer))
    print("observers: %s" % obs)
    subj = [o for o in gc.garbage if isinstance(o, Subject)][0]
    print("subject sees: %s" % sorted(o.name for o in subj.observers))
gc.disable()
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
wire()
print("collect: %d" % gc.collect())
summary()
gc.set_debug(0)
del gc.garbage[:]
print("after clearing: %d" % gc.collect())
print("garbage now: %d" % len(gc.garbage))
