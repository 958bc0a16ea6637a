/**
 * An exception swallowed by native code (reported as unraisable from `__del__`, a StopIteration
 * ending a Python `__next__`, an AttributeError from Python `__getattribute__`) is released with
 * its traceback: the traceback's frames — whose locals hold the dying object — must not keep it
 * alive. Found by the differential fuzzer (fuzz/); conformance scenario
 * fin_del_raises_frees_object; CPython 2.7.18 / 3.12.1 print the values asserted here.
 */
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '@heaplab/heap';
import { runProgram } from '../run.js';

function run(version: '2.7' | '3.12', source: string): string {
  let out = '';
  const r = runProgram({ version, filename: 'p.py', source, stdout: (t) => (out += t), stderr: () => {} });
  expect(checkInvariants(r.interp.heap)).toEqual([]);
  return out;
}

const header = `import gc
gc.disable()
class K(object):
    def __del__(self):
        raise ValueError("x")
def count():
    return len([o for o in gc.get_objects() if type(o) is K])
`;

describe('swallowed exceptions drop their tracebacks', () => {
  for (const version of ['2.7', '3.12'] as const) {
    it(`${version}: a raising __del__ does not resurrect its object (refcount death)`, () => {
      expect(run(version, `${header}a = K()\ndel a\nprint(count())\n`)).toBe('0\n');
    });
    it(`${version}: StopIteration from a Python __next__ frees the iterator's frame`, () => {
      const src = `class It(object):
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration
    next = __next__
    def __del__(self):
        print("freed")
for _ in It():
    pass
print("after")
`;
      expect(run(version, src)).toBe('freed\nafter\n');
    });
  }
  it('3.12: the collector frees a raising-__del__ cycle in the same collection', () => {
    expect(run('3.12', `${header}b = K()\nb.me = b\ndel b\nprint(gc.collect())\nprint(count())\n`)).toBe('1\n0\n');
  });
  it('2.7: a __del__ cycle is uncollectable (gc.garbage), as before', () => {
    expect(run('2.7', `${header}b = K()\nb.me = b\ndel b\nprint(gc.collect())\nprint(count())\n`)).toBe('2\n1\n');
  });
});
