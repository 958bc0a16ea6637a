# seed 5 variation: show_backrefs of an object leaked into a module-level dict cache, filtered to skip frames, written to a .dot file.
import objgraph, sys, gc
_registry = {}
class Session(object):
    def __init__(self, sid):
        self.sid = sid
def open_session(sid):
    s = Session(sid)
    _registry[sid] = s
    return sid
open_session(42)
gc.collect()
leaked = objgraph.by_type('Session')
print("sessions: %d" % len(leaked))
objgraph.show_backrefs(leaked[0], max_depth=3, filename='session.dot',
                       filter=lambda o: not isinstance(o, list) and type(o).__name__ != 'frame')
del leaked
text = open('session.dot').read()
lines = text.splitlines()
print(lines[0])
print("nodes: %d" % len([l for l in lines if '[label=' in l]))
print("edges: %d" % len([l for l in lines if '->' in l]))
sys.stdout.write(text)
