# seed 5 variation: growth deltas (names and deltas only) around a leaking call, with the first container repr of the script in between.
import gc, objgraph
class Job(object):
    queue = []
    def __init__(self, n):
        self.n = n
        Job.queue.append(self)
def submit(k):
    for i in range(k):
        Job(i)
gc.disable()
gc.collect()
objgraph.growth(limit=None)
objgraph.growth(limit=None)
submit(3)
print(sorted((name, delta) for name, total, delta in objgraph.growth(limit=None)))
submit(2)
print(sorted((name, delta) for name, total, delta in objgraph.growth(limit=None)))
del Job.queue[:]
print(sorted((name, delta) for name, total, delta in objgraph.growth(limit=None)))
print("jobs left: %d" % objgraph.count('Job'))
