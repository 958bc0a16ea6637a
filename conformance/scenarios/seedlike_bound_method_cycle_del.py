# seed 12 variation: a timer stores a bound method of its owner, the owner stores the timer; with __del__ on the owner.
import gc
class Timer(object):
    def __init__(self, callback):
        self.callback = callback
    def fire(self):
        return self.callback()
class Owner(object):
    def __init__(self, name):
        self.name = name
        self.timer = Timer(self.tick)
    def tick(self):
        return "tick from %s" % self.name
    def __del__(self):
        print("owner %s finalized" % self.name)
def run():
    o = Owner('o1')
    print(o.timer.fire())
gc.disable()
gc.collect()
run()
print("collect: %d" % gc.collect())
print("garbage: %d" % len(gc.garbage))
def cleanup():
    for x in gc.garbage:
        if isinstance(x, Owner):
            x.timer = None
    del gc.garbage[:]
cleanup()
print("after cleanup: %d" % gc.collect())
