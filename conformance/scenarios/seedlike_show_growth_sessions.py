# seed 5 variation: show_growth reports the user classes that pile up in a class-level registry between calls.
import gc, objgraph, sys
class Request(object):
    log = []
    def __init__(self, n):
        self.n = n
        Request.log.append(self)
class Reply(object):
    def __init__(self, req):
        self.req = req
def serve(k):
    for i in range(k):
        Reply(Request(i))
gc.disable()
gc.collect()
objgraph.growth(limit=None)
serve(3)
rows = [(name, delta) for name, total, delta in objgraph.growth(limit=None) if name in ('Request', 'Reply')]
print(sorted(rows))
serve(4)
objgraph.show_growth(limit=1)
print("requests logged: %d" % len(Request.log))
del Request.log[:]
print("after clearing the log: %d" % objgraph.count('Request'))
