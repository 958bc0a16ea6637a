/**
 * `gc.get_count()` and automatic collections driven by the interpreter: which operations
 * allocate GC objects (METH_VARARGS argument tuples, 2.7 builtin-method/frame free lists and
 * zombie frames, Py_ReprEnter's objects) and where 3.12 runs a scheduled collection (eval-breaker
 * checks: after generic calls, at function entry, on loop back-edges; not when a Python function
 * returns, nor after call sites specialized to `list.append`/`len`/`isinstance`/`type`).
 * Expected outputs were printed by CPython 2.7.18 and 3.12.1 for the same programs.
 */
import type { PythonVersion } from '@heaplab/heap';
import { describe, expect, it } from 'vitest';
import { createModuleProviders } from '../providers.js';
import { runProgram } from '../run.js';

function run(version: PythonVersion, source: string): string {
  let out = '';
  runProgram({ version, filename: 'count.py', source, modules: createModuleProviders(), stdout: (t) => (out += t), stderr: (t) => (out += t) });
  return out.trim();
}

describe('gc.get_count() accounting and automatic collection timing', () => {
  it('3.12: list.append is checked on its first run only; the collection waits for get_count() to return', () => {
    const src = `import gc
gc.disable()
gc.collect()
keep = []
out = []
gc.set_threshold(1)
gc.enable()
for i in range(3):
    a = []; b = []; c = []
    keep.append([])
    out.append(gc.get_count())
gc.disable()
print(out)
`;
    expect(run('3.12', src)).toBe('[(0, 1, 0), (2, 1, 0), (1, 2, 0)]');
  });
  it('3.12: thresholds (10, 2, 2), one kept list and one count tuple per iteration', () => {
    const src = `import gc
gc.disable()
gc.collect()
gc.set_threshold(10, 2, 2)
keep = []
seen = []
gc.enable()
for i in range(30):
    keep.append([])
    c = gc.get_count()
    seen.append(c)
gc.disable()
gc.set_threshold(700, 10, 10)
print(" ".join("%d,%d,%d" % s for s in seen))
`;
    expect(run('3.12', src)).toBe('4,0,0 5,0,0 7,0,0 9,0,0 11,0,0 1,1,0 3,1,0 5,1,0 7,1,0 9,1,0 11,1,0 1,2,0 3,2,0 5,2,0 7,2,0 9,2,0 11,2,0 1,3,0 3,3,0 5,3,0 7,3,0 9,3,0 11,3,0 1,0,1 3,0,1 5,0,1 7,0,1 9,0,1 11,0,1 1,1,1');
  });
  it('a Python function returning does not run a scheduled collection (3.12); 2.7 collects inside the allocation', () => {
    const src = `import gc
gc.disable()
gc.collect()
gc.set_threshold(2)
def f():
    a = []; b = []; c = []
    return 1
gc.enable()
f()
x = gc.get_count()
y = gc.get_count()
gc.disable()
gc.set_threshold(700)
print(x, y)
`;
    expect(run('2.7', src)).toBe('((0, 1, 0), (1, 1, 0))');
    expect(run('3.12', src)).toBe('(5, 0, 0) (0, 1, 0)');
  });
  it('2.7 frames: zombie frame per code object, frame free list; 3.12 frames are not GC objects', () => {
    const src = `import gc
def f():
    return 1
def g(n):
    if n:
        return g(n - 1)
    return gc.get_count()
gc.disable()
gc.collect()
r = [gc.get_count()]
f()
r.append(gc.get_count())
f()
r.append(gc.get_count())
r.append(g(3))
r.append(gc.get_count())
r.append(g(3))
print([c[0] for c in r])
`;
    expect(run('2.7', src)).toBe('[0, 3, 4, 9, 10, 11]');
    expect(run('3.12', src)).toBe('[0, 2, 3, 4, 5, 6]');
  });
  it('METH_VARARGS argument tuples (set_threshold, range, iter) and 2.7 bound builtin methods', () => {
    const src = `import gc
gc.disable()
gc.collect()
t1 = gc.get_count()
gc.set_threshold(10, 2, 2)
t2 = gc.get_count()
keep = []
t3 = gc.get_count()
seen = []
t4 = gc.get_count()
r = range(3)
t5 = gc.get_count()
it = iter(r)
t6 = gc.get_count()
m = keep.append
t7 = gc.get_count()
del m
t8 = gc.get_count()
print([t[0] for t in (t1,t2,t3,t4,t5,t6,t7,t8)])
`;
    expect(run('2.7', src)).toBe('[0, 2, 2, 3, 5, 7, 9, 10]');
    expect(run('3.12', src)).toBe('[0, 2, 3, 5, 6, 7, 9, 9]');
  });
  it('gc.get_referrers does not report its own argument tuple', () => {
    const src = `import gc
gc.disable()
gc.collect()
x = []
holder = [x]
print([type(o).__name__ for o in gc.get_referrers(x)])
`;
    expect(run('2.7', src)).toBe("['list', 'dict']");
    expect(run('3.12', src)).toBe("['list', 'dict']");
  });
  it("the first container repr allocates Py_ReprEnter's dict and list (counted in 3.12 after a full collection)", () => {
    const src = `import gc
gc.disable()
gc.collect()
x = gc.get_count()
y = gc.get_count()
s = repr([1])
z = gc.get_count()
s = repr([1])
w = gc.get_count()
print(x, y, z, w)
`;
    expect(run('2.7', src)).toBe('((0, 0, 0), (1, 0, 0), (2, 0, 0), (3, 0, 0))');
    expect(run('3.12', src)).toBe('(0, 0, 0) (1, 0, 0) (5, 0, 0) (6, 0, 0)');
  });
});
