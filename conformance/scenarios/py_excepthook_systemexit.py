# A SystemExit raised by sys.excepthook ends the program quietly (its code is the exit status); atexit still runs.
import sys, atexit
atexit.register(lambda: sys.stdout.write("atexit ran\n"))
def eh(t, v, tb):
    sys.stdout.write("hook %s: %s\n" % (t.__name__, v))
    sys.exit("exit message from the hook")
sys.excepthook = eh
raise LookupError("uncaught")
