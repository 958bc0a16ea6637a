# seed 05 variation: show_growth after each of three calls of a function that leaks three objects per call.
import objgraph
_leaks = []
class Session(object):
    pass
class Buffer(object):
    pass
def leaky_call():
    _leaks.append(Session())
    _leaks.append(Buffer())
    _leaks.append(Buffer())
user = lambda o: isinstance(o, (Session, Buffer))
objgraph.show_growth(filter=user)
for i in range(3):
    leaky_call()
    print("--- after call %d" % (i + 1))
    objgraph.show_growth(filter=user)
