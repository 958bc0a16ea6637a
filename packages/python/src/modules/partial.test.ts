/**
 * `functools.partial` as CPython's C type. Expected outputs were printed by CPython 2.7.18 and
 * 3.12.1 for the same programs.
 */
import { describe, expect, it } from 'vitest';
import type { PythonVersion } from '@heaplab/heap';
import { createModuleProviders } from '../providers.js';
import { runProgram } from '../run.js';

function run(version: PythonVersion, source: string): string {
  let out = '';
  runProgram({ version, filename: 'p.py', source, modules: createModuleProviders(), stdout: (t) => (out += t), stderr: (t) => (out += t) });
  return out;
}

const SHAPE = `import functools, gc, sys
def f(a, b=1): return a
p = functools.partial(f, 1, b=2)
sys.stdout.write('%s %s %d %d\\n' % (type(p), gc.is_tracked(p), len(gc.get_referents(p)), sys.getrefcount(p)))
sys.stdout.write('%r %r %r\\n' % (p.func is f, p.args, p.keywords))
p.attr = 5
sys.stdout.write('%r %d\\n' % (p.__dict__, len(gc.get_referents(p))))
`;

const CYCLES = `import functools, gc, sys
def f(*a, **k): pass
class A(object): pass
gc.collect()
a = A(); a.cb = functools.partial(f, a)
del a
n1 = gc.collect()
a = A(); a.cb = functools.partial(f, a, x=a)
del a
n2 = gc.collect()
p = functools.partial(f); p.me = p
del p
sys.stdout.write('%d %d %d\\n' % (n1, n2, gc.collect()))
`;

const FLATTEN = `import functools, sys
def f(*a, **k): return (a, sorted(k.items()))
inner = functools.partial(f, 1)
outer = functools.partial(inner, 2, c=3)
sys.stdout.write('%r %r %r\\n' % (outer.func is f, outer.args, outer()))
`;

describe('functools.partial is a native type', () => {
  it('2.7: a static type; referents fn, args, kw (+ __dict__)', () => {
    expect(run('2.7', SHAPE)).toBe("<type 'functools.partial'> True 3 2\nTrue (1,) {'b': 2}\n{'attr': 5} 4\n");
  });

  it('3.12: a heap type; referents type, fn, args, kw (+ __dict__)', () => {
    expect(run('3.12', SHAPE)).toBe("<class 'functools.partial'> True 4 2\nTrue (1,) {'b': 2}\n{'attr': 5} 5\n");
  });

  it('cycles through args, keywords and __dict__ are collected with CPython counts', () => {
    expect(run('2.7', CYCLES)).toBe('4 5 2\n');
    expect(run('3.12', CYCLES)).toBe('3 4 2\n');
  });

  it('3.12 flattens a partial of a partial; 2.7 nests it', () => {
    expect(run('2.7', FLATTEN)).toBe("False (2,) ((1, 2), [('c', 3)])\n");
    expect(run('3.12', FLATTEN)).toBe("True (1, 2) ((1, 2), [('c', 3)])\n");
  });

  it('repr: 3.12 shows the arguments, 2.7 has none of its own', () => {
    const src = `import functools, sys
def f(): pass
p = functools.partial(f, 1, b='x')
sys.stdout.write(repr(p).replace(hex(id(f)), 'F').replace(hex(id(p)), 'P') + '\\n')
`;
    expect(run('3.12', src)).toBe("functools.partial(<function f at F>, 1, b='x')\n");
    expect(run('2.7', src)).toBe('<functools.partial object at P>\n');
  });

  it('members are read-only; errors match CPython', () => {
    const src = `import functools, sys
p = functools.partial(len)
def set_func(): p.func = 1
def set_dict(): p.__dict__ = 1
for attempt in (set_func, lambda: functools.partial(), lambda: functools.partial(1), set_dict):
    try:
        attempt()
    except (TypeError, AttributeError) as e:
        sys.stdout.write('%s: %s\\n' % (type(e).__name__, e))
`;
    expect(run('2.7', src)).toBe(
      "TypeError: readonly attribute\nTypeError: type 'partial' takes at least one argument\nTypeError: the first argument must be callable\nTypeError: setting partial object's dictionary to a non-dict\n",
    );
    expect(run('3.12', src)).toBe(
      "AttributeError: readonly attribute\nTypeError: type 'partial' takes at least one argument\nTypeError: the first argument must be callable\nTypeError: __dict__ must be set to a dictionary, not a 'int'\n",
    );
  });
});
