/**
 * Runtime warnings (`PyErr_WarnExplicit`) against the filters a fresh CPython starts with
 * (`warnings.filters` of 2.7.18 and 3.12.1).
 */
import { describe, expect, it } from 'vitest';
import { Heap } from './heap.js';
import { warnExplicit, warningAction } from './warnings.js';

function heapWithErr(version: '2.7' | '3.12') {
  let err = '';
  const heap = new Heap({ version, writeStderr: (t) => (err += t) });
  return { heap, err: () => err };
}

describe('warnExplicit', () => {
  it('3.12 ignores ResourceWarning and DeprecationWarning outside __main__', () => {
    const { heap, err } = heapWithErr('3.12');
    warnExplicit(heap, heap.t.ResourceWarning, 'gc: 2 uncollectable objects at shutdown', 'gc', 0, 'gc');
    warnExplicit(heap, heap.t.DeprecationWarning, 'old', 'lib.py', 3, 'lib');
    warnExplicit(heap, heap.t.PendingDeprecationWarning, 'soon', 'x.py', 1, '__main__');
    warnExplicit(heap, heap.t.ImportWarning, 'imp', 'x.py', 1, '__main__');
    expect(err()).toBe('');
  });

  it('3.12 shows DeprecationWarning raised in __main__, once per location', () => {
    const { heap, err } = heapWithErr('3.12');
    warnExplicit(heap, heap.t.DeprecationWarning, 'old', 'x.py', 3, '__main__');
    warnExplicit(heap, heap.t.DeprecationWarning, 'old', 'x.py', 3, '__main__');
    warnExplicit(heap, heap.t.DeprecationWarning, 'old', 'x.py', 4, '__main__');
    expect(err()).toBe('x.py:3: DeprecationWarning: old\nx.py:4: DeprecationWarning: old\n');
  });

  it('other categories take the default action: file:line: Category: message', () => {
    const { heap, err } = heapWithErr('3.12');
    warnExplicit(heap, heap.t.RuntimeWarning, 'careful', 'gc', 0, 'gc');
    warnExplicit(heap, heap.t.UserWarning, 'hello', 'x.py', 7, '__main__');
    expect(err()).toBe('gc:0: RuntimeWarning: careful\nx.py:7: UserWarning: hello\n');
  });

  it('2.7 ignores DeprecationWarning everywhere and BytesWarning', () => {
    const { heap, err } = heapWithErr('2.7');
    expect(warningAction(heap, heap.profile.defaultWarningFilters, heap.t.DeprecationWarning, '__main__')).toBe('ignore');
    expect(warningAction(heap, heap.profile.defaultWarningFilters, heap.t.BytesWarning, 'm')).toBe('ignore');
    expect(warningAction(heap, heap.profile.defaultWarningFilters, heap.t.RuntimeWarning, 'm')).toBe('default');
    warnExplicit(heap, heap.t.DeprecationWarning, 'old', 'x.py', 3, '__main__');
    warnExplicit(heap, heap.t.RuntimeWarning, 'r', 'x.py', 5, '__main__');
    expect(err()).toBe('x.py:5: RuntimeWarning: r\n');
  });
});
