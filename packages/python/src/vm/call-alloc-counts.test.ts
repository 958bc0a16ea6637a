/**
 * gen0 allocations of calls and prints right after a full collection (free lists emptied), as
 * gc.get_count() shows them. Expected values are CPython 2.7.18 / 3.12.1 output.
 */
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../run-captured.js';

const run = (version: '2.7' | '3.12', source: string) => runCaptured(version, source).out;

const steps = `
import gc, sys
A = (1, 2)
B = (1, (2, 3), [4, (5,)])
def nothing():
    pass
def show_tuple():
    print(A)
def show_nested():
    print(B)
def to_list():
    l = list(A)
gc.disable()
res = []
for f in (nothing, show_tuple, show_tuple, show_nested, to_list):
    gc.collect()
    f()
    res.append(gc.get_count()[0])
sys.stdout.write('%r\\n' % (res,))
`;

describe('allocations of calls after a full collection', () => {
  it('2.7: tuples print through tp_print (no pieces tuple); list(x) is a do_call with an argument tuple and a tp_alloc list', () => {
    expect(run('2.7', steps).split('\n').at(-2)).toBe('[2, 2, 1, 2, 4]');
  });
  it("3.12: print packs its positional arguments in a tuple (Argument Clinic's *args)", () => {
    expect(run('3.12', steps).split('\n').at(-2)).toBe('[0, 3, 1, 1, 1]');
  });
});
