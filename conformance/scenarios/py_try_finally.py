# try/except/else/finally order, return inside finally overriding, re-raise with bare raise, and break through finally.
def order(fail):
    log = []
    try:
        log.append("try")
        if fail:
            raise ValueError("x")
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(order(False))
print(order(True))
def finally_wins():
    try:
        return "from try"
    finally:
        return "from finally"
print(finally_wins())
def reraise():
    try:
        raise KeyError("inner")
    except KeyError:
        print("logging and re-raising")
        raise
try:
    reraise()
except KeyError as e:
    print("outer caught %r" % (e,))
for i in range(5):
    try:
        if i == 2:
            break
    finally:
        print("finally for %d" % i)
