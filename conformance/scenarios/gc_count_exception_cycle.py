# Spec 4.2: keeping a caught exception or sys.exc_info() in a local creates a frame/traceback cycle in 3.12.
import gc, sys
gc.disable()
gc.collect()
def keep_exception():
    try:
        raise ValueError("boom")
    except ValueError as e:
        saved = e
keep_exception()
print("exception kept in a local: %d" % gc.collect())
def keep_exc_info():
    try:
        raise KeyError("k")
    except KeyError:
        info = sys.exc_info()
keep_exc_info()
print("sys.exc_info() kept in a local: %d" % gc.collect())
def no_keep():
    try:
        raise ValueError("v")
    except ValueError:
        pass
no_keep()
print("exception not kept: %d" % gc.collect())
