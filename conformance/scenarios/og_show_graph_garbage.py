# What objgraph's drawing functions leave for the next collection: on 2.7, show_backrefs's frame keeps its last skipped referrer (its own frame) in `source`, so the frames, their f_locals, the queue and the codecs writer are garbage; show_refs leaves nothing.
import gc
import objgraph
class Node(object):
    pass
a = Node()
b = Node()
a.peer = b
b.peer = a
def garbage_after(draw):
    gc.collect()
    draw()
    gc.set_debug(gc.DEBUG_SAVEALL)
    n = gc.collect()
    kinds = sorted(set(type(o).__name__ for o in gc.garbage))
    frames = sorted(o.f_code.co_name for o in gc.garbage if type(o).__name__ == 'frame')
    classes = sorted(o.__class__.__name__ for o in gc.garbage if type(o).__name__ == 'instance')
    del gc.garbage[:]
    gc.set_debug(0)
    print(n, kinds, frames, classes)
garbage_after(lambda: objgraph.show_backrefs([a], filename='back.dot'))
garbage_after(lambda: objgraph.show_backrefs(a, filename='back.dot', max_depth=2))
garbage_after(lambda: objgraph.show_refs([a], filename='refs.dot', max_depth=2))
garbage_after(lambda: objgraph.show_refs(a, filename='refs.dot'))
print(objgraph.count('Node'), gc.collect())
