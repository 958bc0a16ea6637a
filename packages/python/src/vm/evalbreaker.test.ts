/**
 * Where 3.12 runs a collection scheduled by an allocation, and which calls allocate an argument
 * tuple: `while` loops test again after the body and check the eval breaker on the jump back
 * (after that test; `continue` jumps back to the first test, so its check comes first), and
 * calls that reach `tp_call` (classes, callable instances, weakref.ref) pack their arguments in
 * a tuple. Expected values are CPython 3.12.1's output for the same programs.
 */
import { describe, expect, it } from 'vitest';
import { createModuleProviders } from '../providers.js';
import { runProgram } from '../run.js';

function run(source: string): string {
  let out = '';
  runProgram({ version: '3.12', filename: 'eb.py', source, modules: createModuleProviders(), stdout: (t) => (out += t), stderr: (t) => (out += t) });
  return out;
}

const PRELUDE = `import gc, weakref
class C(object):
    def __init__(s):
        s.l = s
hits = []
def cb(w):
    hits.append(i)
gc.collect()
gc.set_threshold(10)
junk = []
`;

describe('3.12 while loops: the back-edge check follows the bottom test', () => {
  it('a collection scheduled in the body runs after the loop test passed again: one more iteration', () => {
    const src = `${PRELUDE}w = weakref.ref(C(), cb)
i = 0
while not hits:
    i += 1
    junk.append([])
gc.set_threshold(700)
print(hits, i)
`;
    expect(run(src)).toBe('[6] 7\n');
  });

  it('continue jumps back to the first test: the check comes before the test, the loop ends at once', () => {
    const src = `${PRELUDE}w = weakref.ref(C(), cb)
i = 0
while not hits:
    i += 1
    junk.append([])
    if i > 0:
        continue
    i += 1000
gc.set_threshold(700)
print(hits, i)
`;
    expect(run(src)).toBe('[6] 6\n');
  });

  it('a while loop in a generator keeps the same layout', () => {
    const src = `${PRELUDE}def gen():
    global i
    while not hits:
        i += 1
        junk.append([])
        yield
i = 0
g = gen()
w = weakref.ref(C(), cb)
for _ in g:
    pass
gc.set_threshold(700)
print(hits, i)
`;
    expect(run(src)).toBe('[4] 4\n');
  });
});

describe('tp_call argument tuples', () => {
  it('calling a class, a callable instance and weakref.ref packs the positional arguments in a tuple', () => {
    // After a full collection the tuple free lists are empty: the first tuple of each size is a
    // new allocation (and is parked on the free list when the call ends).
    const src = `import gc, weakref
class K(object):
    def __init__(self, *a):
        pass
class Q(object):
    def __call__(self, x):
        pass
class W(object):
    pass
w = W()
q = Q()
def cb(x): pass
gc.disable()
gc.collect()
a = gc.get_count()
K(1)
b = gc.get_count()
q(1)
c = gc.get_count()
q(1)
d = gc.get_count()
r = weakref.ref(w, cb)
e = gc.get_count()
print([x[0] for x in (a, b, c, d, e)])
`;
    expect(run(src)).toBe('[0, 3, 4, 5, 8]\n');
  });
});
