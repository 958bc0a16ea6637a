# After an uncaught exception, sys.last_traceback keeps the failing frames (and their locals) alive until module teardown: atexit callbacks run first; a SystemExit from the hook sets the status.
import sys, atexit
class D(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("del %s\n" % self.name)
def cleanup():
    sys.stdout.write("atexit: last_value=%r\n" % (sys.last_value,))
atexit.register(cleanup)
def eh(t, v, tb):
    sys.stdout.write("hook %s\n" % t.__name__)
    sys.__excepthook__(t, v, tb)
    sys.stdout.write("hook done\n")
sys.excepthook = eh
keep = D("global")
def f():
    local = D("local")
    raise ValueError("fails")
f()
