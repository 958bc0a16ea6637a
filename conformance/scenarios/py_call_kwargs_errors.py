# Errors of f(**mapping) name the callable: a keyword given twice, a non-mapping after **, a non-string key (2.7 names Python functions there).
def f(a=1, key=None):
    pass
class C(object):
    def m(self, key=None):
        pass
    def __init__(self, key=None):
        pass
for fn in (f, C().m, C, len, dict):
    try:
        fn(key=1, **{'key': 2})
    except TypeError as e:
        print(e)
    try:
        fn(**[1])
    except TypeError as e:
        print(e)
for fn in (f, C().m):
    try:
        fn(**{1: 2})
    except TypeError as e:
        print(e)
