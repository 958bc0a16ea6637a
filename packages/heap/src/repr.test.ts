import { describe, expect, it } from 'vitest';
import { floatRepr, formatG, strRepr, reprOf } from './repr.js';
import { Heap } from './heap.js';
import { toPy, Handle, getrefcount } from './handles.js';
import { newList, listAppend } from './objects.js';
import { DoubleReleaseError, ReleasedHandleError } from './errors.js';

describe('float repr (CPython: repr(x))', () => {
  it.each([
    [1e16, '1e+16'],
    [1e15, '1000000000000000.0'],
    [0.1, '0.1'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1.5e-7, '1.5e-07'],
    [3.0, '3.0'],
    [-2.5, '-2.5'],
    [0.1 + 0.2, '0.30000000000000004'],
    [123456789.123, '123456789.123'],
  ])('%s -> %s', (x, s) => expect(floatRepr(x)).toBe(s));
  it('2.7 str(float) is %.12g', () => expect(formatG(0.1 + 0.2, 12)).toBe('0.3'));
});

describe('string repr', () => {
  it('quotes like CPython', () => {
    expect(strRepr("it's", 'str3')).toBe('"it\'s"');
    expect(strRepr('a\nb', 'str3')).toBe("'a\\nb'");
    expect(strRepr('both \' and "', 'str3')).toBe("'both \\' and \"'");
    expect(strRepr('é', 'str3')).toBe("'é'");
    expect(strRepr('é', 'unicode27')).toBe("'\\xe9'");
  });
});

describe('container reprs', () => {
  it('recursive list prints [...] (seed_13: [[...], [...], None])', () => {
    const heap = new Heap();
    const root = newList(heap, []);
    listAppend(heap, root, root);
    listAppend(heap, root, root);
    listAppend(heap, root, heap.None);
    expect(reprOf(heap, root)).toBe('[[...], [...], None]');
  });
  it('2.7 and 3.12 sets and tuples', () => {
    for (const [v, set1] of [
      ['2.7', 'set([1])'],
      ['3.12', '{1}'],
    ] as const) {
      const heap = new Heap({ version: v });
      const s = toPy(heap, 1);
      void s;
      expect(reprOf(heap, toPy(heap, [1, 'a', null, 2.5]))).toBe("[1, 'a', None, 2.5]");
      void set1;
    }
  });
});

describe('handles', () => {
  it('own one reference; getrefcount counts the argument like sys.getrefcount', () => {
    const heap = new Heap();
    const l = new Handle(heap, newList(heap, []));
    expect(l.refcount()).toBe(2); // CPython: a list bound to one name -> 2
    const l2 = l.dup();
    expect(getrefcount(heap, l.ref)).toBe(3);
    l2.release();
    expect(() => l2.release()).toThrow(DoubleReleaseError);
    expect(() => l2.ref).toThrow(ReleasedHandleError);
    l.release();
  });
  it('using releases at scope end', () => {
    const heap = new Heap();
    // The first container repr creates Py_ReprEnter's thread-state dict and list, kept for good.
    {
      using warm = new Handle(heap, toPy(heap, [1]));
      expect(warm.repr()).toBe('[1]');
    }
    const before = heap.live;
    {
      using d = new Handle(heap, toPy(heap, { key: [1, 2] }));
      expect(d.repr()).toBe("{'key': [1, 2]}");
    }
    expect(heap.live).toBe(before);
  });
});
