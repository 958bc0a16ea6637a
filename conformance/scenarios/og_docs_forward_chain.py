# objgraph docs chain.txt: find_ref_chain to an unpicklable object, drawn with show_chain(backrefs=False).
import sys
import objgraph
class MyUnpicklableObject(object):
    def __getstate__(self):
        raise NotImplementedError
my_object = dict(foo=dict(unrelated='things'),
                 bar=[dict(nesting='fun'),
                      dict(boobytrap=MyUnpicklableObject())])
chain = objgraph.find_ref_chain(my_object, lambda x: isinstance(x, MyUnpicklableObject))
print(" -> ".join(type(x).__name__ for x in chain))
objgraph.show_chain(chain, backrefs=False, filename='forward-chain.dot')
sys.stdout.write(open('forward-chain.dot').read())
