# profiles: 3.12
# An exception raised and caught inside an except block gets the handled exception as its
# __context__ at once (CPython chains when raising), so an error leaving a nested handler
# reports the whole chain.
class Leak(object):
    pass
try:
    missing_name
except NameError as outer:
    try:
        Leak().attribute
    except AttributeError as inner:
        print(repr(inner.__context__) == repr(outer))
        print(inner.__context__ is outer)
try:
    {}["k"]
except KeyError:
    try:
        [].pop()
    except IndexError:
        raise ValueError("while handling")
