# show_backrefs writing to an output= stream: no codecs writer, but on 2.7 the frames (with their f_locals, queue and ignore set) are still left in a cycle; counted by type with DEBUG_SAVEALL.
import gc
import sys
import objgraph
class Item(object):
    pass
box = [Item()]
gc.collect()
class Sink(object):
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
out = Sink()
objgraph.show_backrefs(box[0], output=out, max_depth=2)
print(len(out.parts) > 0, ''.join(out.parts).count('->') > 0)
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.collect())
print(sorted(type(o).__name__ for o in gc.garbage))
del gc.garbage[:]
gc.set_debug(0)
print(gc.collect())
