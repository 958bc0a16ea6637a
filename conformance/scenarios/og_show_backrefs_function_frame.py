# show_backrefs of an object held only by a function's local: 2.7 shows the (tracked) frame, 3.12's running frame is invisible.
import sys, objgraph
class Box(object):
    pass
def inner():
    local_box = Box()
    objgraph.show_backrefs([local_box], filename='x.dot', max_depth=2,
                           filter=lambda x: not isinstance(x, (dict, type)) and type(x).__name__ != 'function')
inner()
sys.stdout.write(open('x.dot').read())
