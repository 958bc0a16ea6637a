# set_threshold/get_threshold: defaults, partial updates, negative values and argument errors.
import gc
def attempt(label, f):
    try:
        print("%s -> %r" % (label, f()))
    except (TypeError, ValueError, OverflowError) as e:
        print("%s -> %s: %s" % (label, type(e).__name__, e))
print("default: %r" % (gc.get_threshold(),))
attempt("set_threshold(500)", lambda: gc.set_threshold(500))
print("now: %r" % (gc.get_threshold(),))
attempt("set_threshold(400, 5)", lambda: gc.set_threshold(400, 5))
print("now: %r" % (gc.get_threshold(),))
attempt("set_threshold(-1)", lambda: gc.set_threshold(-1))
print("now: %r" % (gc.get_threshold(),))
attempt("set_threshold()", lambda: gc.set_threshold())
attempt("set_threshold(1, 2, 3, 4)", lambda: gc.set_threshold(1, 2, 3, 4))
attempt("set_threshold(threshold0=5)", lambda: gc.set_threshold(threshold0=5))
attempt("set_threshold('a')", lambda: gc.set_threshold('a'))
attempt("set_threshold(2**40)", lambda: gc.set_threshold(2 ** 40))
gc.set_threshold(700, 10, 10)
print("restored: %r" % (gc.get_threshold(),))
