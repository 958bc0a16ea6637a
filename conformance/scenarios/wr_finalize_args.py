# profiles: 3.12
# FinalizeTestCase.test_arg_errors: func/obj as keyword arguments of the callback, and the TypeErrors.
import weakref
class A:
    pass
res = []
def fin(*args, **kwargs):
    res.append((args, sorted(kwargs.items())))
a = A()
f = weakref.finalize(a, fin, 1, 2, func=3, obj=4)
f()
print("callback got: %r" % (res,))
for label, call in [("func= keyword", lambda: weakref.finalize(a, func=fin, arg=1)),
                    ("obj= and func= keywords", lambda: weakref.finalize(obj=a, func=fin, arg=1)),
                    ("no func", lambda: weakref.finalize(a)),
                    ("no args", lambda: weakref.finalize())]:
    try:
        call()
        print("%s: ok" % label)
    except TypeError as e:
        print("%s: TypeError: %s" % (label, e))
try:
    weakref.finalize(1, fin)
except TypeError as e:
    print("int referent: TypeError: %s" % e)
