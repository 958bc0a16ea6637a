# str() and repr() of exceptions with zero, one and two arguments; e.args; catching by base class.
for e in [ValueError(), ValueError('one'), ValueError('one', 2), KeyError('k'), RuntimeError(42)]:
    print("str=%s repr=%r args=%r" % (str(e), e, e.args))
class MyError(LookupError):
    pass
try:
    raise MyError('custom')
except LookupError as caught:
    print("caught by base: %s %r" % (type(caught).__name__, caught))
try:
    try:
        raise ValueError('inner')
    finally:
        print("finally runs before the handler")
except ValueError as e:
    print("handled: %s" % e)
