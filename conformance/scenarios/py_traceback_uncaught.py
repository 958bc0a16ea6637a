# An uncaught exception raised two calls deep prints the full traceback and ends the program.
def inner(x):
    return 10 // x
def outer(x):
    print("calling inner(%d)" % x)
    return inner(x)
print("result: %d" % outer(2))
outer(0)
print("not reached")
