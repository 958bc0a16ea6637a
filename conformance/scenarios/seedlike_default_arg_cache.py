# seed 5 variation: a mutable default argument used as a cache keeps every result; the chain runs through the function's defaults.
import gc, objgraph
class Result(object):
    def __init__(self, n):
        self.n = n
def compute(n, _memo={}):
    if n not in _memo:
        _memo[n] = Result(n * n)
    return _memo[n].n
gc.disable()
gc.collect()
objgraph.growth(limit=None)
print([compute(i) for i in (2, 3, 2, 4)])
grown = [(name, delta) for name, total, delta in objgraph.growth(limit=None) if name == 'Result']
print("growth of Result: %r" % grown)
target = [r for r in objgraph.by_type('Result') if r.n == 9][0]
chain = objgraph.find_backref_chain(target, objgraph.is_proper_module)
print("chain types: %s" % " -> ".join(type(x).__name__ for x in chain))
print("function in chain: %s" % (compute in chain))
defaults = compute.__defaults__ if hasattr(compute, '__defaults__') else compute.func_defaults
print("memo size: %d" % len(defaults[0]))
defaults[0].clear()
del target, chain
print("after clearing memo: %d" % objgraph.count('Result'))
