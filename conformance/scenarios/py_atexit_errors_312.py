# profiles: 3.12
# atexit (3.12): unregister, a raising callback is reported and the rest still run, SystemExit too.
import atexit
import sys
def first():
    print('first registered, runs last')
def failing(tag):
    raise ValueError('cleanup failed: %s' % tag)
def exiting():
    sys.exit(3)
def late():
    print('registered during exit: never runs')
def registers_more():
    atexit.register(late)
    print('registers_more')
atexit.register(first)
atexit.register(failing, 'db')
atexit.register(exiting)
atexit.register(registers_more)
atexit.register(print, 'removed')
atexit.unregister(print)
try:
    atexit.register(42)
except TypeError as e:
    print('TypeError:', e)
print('callbacks:', atexit._ncallbacks())
