# gc.collect argument checking: range, type and overflow errors, keyword use, too many arguments.
import gc
gc.disable()
def attempt(label, f):
    try:
        print("%s -> %r" % (label, f()))
    except (TypeError, ValueError, OverflowError) as e:
        print("%s -> %s: %s" % (label, type(e).__name__, e))
attempt("collect(5)", lambda: gc.collect(5))
attempt("collect(3)", lambda: gc.collect(3))
attempt("collect(-1)", lambda: gc.collect(-1))
attempt("collect('1')", lambda: gc.collect('1'))
attempt("collect(1.0)", lambda: gc.collect(1.0))
attempt("collect(None)", lambda: gc.collect(None))
attempt("collect(2**40)", lambda: gc.collect(2 ** 40))
attempt("collect(1, 2)", lambda: gc.collect(1, 2))
attempt("collect(gen=1)", lambda: gc.collect(gen=1))
attempt("collect(generation=0)", lambda: gc.collect(generation=0))
attempt("collect(True)", lambda: gc.collect(True))
