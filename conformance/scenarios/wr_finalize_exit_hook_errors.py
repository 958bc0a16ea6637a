# profiles: 3.12
# finalize._exitfunc at exit: a raising sys.excepthook escapes it, the older finalizers are skipped and atexit reports the bound method.
import sys, weakref
class Keep:
    pass
a = Keep()
b = Keep()
weakref.finalize(a, print, 'older finalizer (skipped)')
def bad():
    print('newest finalizer raises')
    raise ValueError('from finalizer')
weakref.finalize(b, bad)
def eh(t, v, tb):
    print('excepthook:', t.__name__, v)
    raise RuntimeError('from excepthook')
sys.excepthook = eh
def uh(u):
    print('unraisable:', u.err_msg, u.object, u.exc_type.__name__, u.exc_value)
    print('context:', repr(u.exc_value.__context__))
sys.unraisablehook = uh
print('end of script')
