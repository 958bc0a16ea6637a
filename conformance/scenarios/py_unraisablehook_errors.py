# profiles: 3.12
# sys.unraisablehook: a hook that raises, None, deleted, not callable; sys.__unraisablehook__ called directly.
import sys
class A:
    def __del__(self):
        raise ValueError("in del")
def bad(u):
    raise KeyError("hook broke")
sys.unraisablehook = bad
a = A(); del a
sys.unraisablehook = None
a = A(); del a
del sys.unraisablehook
a = A(); del a
sys.unraisablehook = 42
a = A(); del a
got = []
sys.unraisablehook = got.append
a = A(); del a
U = type(got[0])
sys.unraisablehook = sys.__unraisablehook__
sys.__unraisablehook__(U((ValueError, ValueError("x"), None, "custom message", 5)))
sys.__unraisablehook__(U((ValueError, ValueError("x"), None, None, [1, 2])))
sys.__unraisablehook__(U((ValueError, ValueError("x"), None, "only a message", None)))
sys.__unraisablehook__(U((ValueError, None, None, None, None)))
sys.__unraisablehook__(U((KeyError, KeyError(), got[0].exc_traceback, None, None)))
for bad_arg in [(1,), ((1, 2),), ()]:
    try:
        if bad_arg and type(bad_arg[0]) is tuple:
            U(*bad_arg)
        else:
            sys.__unraisablehook__(*bad_arg)
    except TypeError as e:
        print("TypeError:", e)
class Quiet:
    def __del__(self):
        try:
            1 / 0
        except ZeroDivisionError:
            raise ValueError
q = Quiet(); del q
class BadRepr:
    def __repr__(self):
        raise TypeError("no repr")
    def __del__(self):
        raise ValueError("x")
sys.__unraisablehook__(U((ValueError, ValueError("y"), None, None, BadRepr())))
print("done")
