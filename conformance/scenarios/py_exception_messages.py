# Messages of common builtin exceptions (several differ between 2.7 and 3.12).
def attempt(label, f):
    try:
        f()
        print("%s: no error" % label)
    except Exception as e:
        print("%s: %s: %s" % (label, type(e).__name__, e))
class A(object):
    pass
attempt("1/0", lambda: 1 / 0)
attempt("1//0", lambda: 1 // 0)
attempt("1%0", lambda: 1 % 0)
attempt("[][1]", lambda: [][1])
attempt("{}['k']", lambda: {}['k'])
attempt("undefined name", lambda: undefined_name)
attempt("missing attribute", lambda: A().missing)
attempt("int('x')", lambda: int('x'))
attempt("1 + 'a'", lambda: 1 + 'a')
attempt("len(5)", lambda: len(5))
nothing = None
attempt("nothing()", lambda: nothing())
attempt("[].remove(1)", lambda: [].remove(1))
attempt("(1, 2)[5]", lambda: (1, 2)[5])
attempt("'abc'.index('z')", lambda: 'abc'.index('z'))
