import { describe, expect, it } from 'vitest';
import { Heap } from './heap.js';
import {
  dictEntries,
  dictSetItem,
  intern,
  newDict,
  newInt,
  newSet,
  setAdd,
  setDiscard,
  setItems,
  strValue,
  intValue,
} from './objects.js';

function keysOf(heap: Heap, d: number): string[] {
  const e = dictEntries(heap, d);
  const out: string[] = [];
  for (let i = 0; i < e.length; i += 2) out.push(strValue(heap, e[i]!));
  return out;
}

function ints(heap: Heap, refs: number[]): unknown[] {
  return refs.map((r) => {
    const v = intValue(heap, r);
    return typeof v === 'bigint' ? v : v;
  });
}

describe('dict iteration order', () => {
  it('2.7 iterates in hash-table order (python2.7: d.keys())', () => {
    const heap = new Heap({ version: '2.7' });
    const d = newDict(heap);
    for (const k of ['k0', 'k1', 'k2', 'x', 'attr', 'name', 'zz', 'foo', 'bar', 'baz']) {
      const key = intern(heap, k);
      dictSetItem(heap, d, key, heap.None);
      heap.decref(key);
    }
    expect(keysOf(heap, d)).toEqual(['bar', 'attr', 'baz', 'k2', 'k1', 'k0', 'zz', 'x', 'foo', 'name']);
    const d2 = newDict(heap);
    for (const k of ['b', 'a']) dictSetItem(heap, d2, intern(heap, k), heap.None);
    expect(keysOf(heap, d2)).toEqual(['a', 'b']);
  });

  it('3.12 iterates in insertion order', () => {
    const heap = new Heap({ version: '3.12' });
    const d = newDict(heap);
    for (const k of ['k0', 'k1', 'k2', 'x']) dictSetItem(heap, d, intern(heap, k), heap.None);
    expect(keysOf(heap, d)).toEqual(['k0', 'k1', 'k2', 'x']);
  });
});

describe('set iteration order', () => {
  for (const version of ['2.7', '3.12'] as const) {
    it(`${version}: {3,1,2,100,17,33} iterates as [1, 2, 3, 100, 33, 17]`, () => {
      const heap = new Heap({ version });
      const s = newSet(heap, [3, 1, 2, 100, 17, 33].map((v) => newInt(heap, v)));
      expect(ints(heap, setItems(heap, s))).toEqual([1, 2, 3, 100, 33, 17]);
    });
  }

  it('2.7 reuses the dummy slot of a discarded member: [0..4, 37, 6..19]', () => {
    const heap = new Heap({ version: '2.7' });
    const s = newSet(heap, Array.from({ length: 20 }, (_, i) => newInt(heap, i)));
    setDiscard(heap, s, newInt(heap, 5));
    setAdd(heap, s, newInt(heap, 37));
    expect(ints(heap, setItems(heap, s))).toEqual([0, 1, 2, 3, 4, 37, ...Array.from({ length: 14 }, (_, i) => i + 6)]);
  });

  it('3.12 probes linearly before perturbing: 37 lands after 19', () => {
    const heap = new Heap({ version: '3.12' });
    const s = newSet(heap, Array.from({ length: 20 }, (_, i) => newInt(heap, i)));
    setDiscard(heap, s, newInt(heap, 5));
    setAdd(heap, s, newInt(heap, 37));
    expect(ints(heap, setItems(heap, s))).toEqual([0, 1, 2, 3, 4, ...Array.from({ length: 14 }, (_, i) => i + 6), 37]);
  });

  it('3.12 large and negative ints: [2**40, 2**62, 5, -2, -1]', () => {
    const heap = new Heap({ version: '3.12' });
    const s = newSet(heap, [-1, -2, 5, 2 ** 40].map((v) => newInt(heap, v)).concat([newInt(heap, 2n ** 62n)]));
    expect(ints(heap, setItems(heap, s))).toEqual([2 ** 40, 2n ** 62n, 5, -2, -1]);
  });
});
