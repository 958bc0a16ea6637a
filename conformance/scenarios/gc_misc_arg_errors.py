# Arity errors of enable/disable/isenabled/is_tracked/get_count and the names each version has.
import gc
def attempt(label, f):
    try:
        print("%s -> %r" % (label, f()))
    except TypeError as e:
        print("%s -> TypeError: %s" % (label, e))
attempt("enable(1)", lambda: gc.enable(1))
attempt("disable(1)", lambda: gc.disable(1))
attempt("isenabled(1)", lambda: gc.isenabled(1))
attempt("is_tracked()", lambda: gc.is_tracked())
attempt("is_tracked(1, 2)", lambda: gc.is_tracked(1, 2))
attempt("get_count(1)", lambda: gc.get_count(1))
attempt("get_threshold(1)", lambda: gc.get_threshold(1))
for name in ["callbacks", "get_stats", "freeze", "unfreeze", "get_freeze_count", "is_finalized", "garbage", "get_referrers"]:
    print("has %s: %s" % (name, hasattr(gc, name)))
