# is a running function's frame a referrer of its locals?
import gc, sys
def f():
    x = []
    print(sorted(type(o).__name__ for o in gc.get_referrers(x)))
    fr = sys._getframe()
    print(sorted(type(o).__name__ for o in gc.get_referrers(x)))
    print(gc.is_tracked(fr))
    return fr
fr = f()
print(gc.is_tracked(fr))
print(fr.f_code.co_name)
