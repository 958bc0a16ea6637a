/**
 * 3.12's subclass dicts as count0 sees them: a weak reference per class, a dict for a base's
 * first subclass (builtin types listed in the profile already have theirs), both released again
 * when the class is unlinked from its bases.
 */
import { describe, expect, it } from 'vitest';
import { dictSetStr, Heap, newClass, newDict, newStr, newTupleSteal, type Ref } from './index.js';
import { countSubclassUnlink } from './subclasses.js';

function heap312(): Heap {
  const heap = new Heap({ version: '3.12', writeStderr: () => {} });
  heap.freeListCounts.dict = 0;
  heap.gc.counts[0] = 0;
  return heap;
}

/** count0 delta of making a class with an empty namespace. */
function classCost(heap: Heap, name: string, bases: Ref[]): [Ref, number] {
  const ns = newDict(heap);
  const before = heap.gc.counts[0];
  const cls = newClass(heap, { name, bases, namespace: ns });
  const cost = heap.gc.counts[0] - before;
  heap.decref(ns);
  return [cls, cost];
}

describe('3.12 subclass dicts', () => {
  it('count the weakref, and a dict for the first subclass of a class', () => {
    const heap = heap312();
    // Its dict copy, the type, the __dict__ and __weakref__ descriptors, the weakref (object's
    // subclass dict exists from start-up).
    const [a, costA] = classCost(heap, 'A', []);
    expect(costA).toBe(5);
    // Dict copy, type, weakref, and A's new subclass dict.
    const [b, costB] = classCost(heap, 'B', [a]);
    expect(costB).toBe(4);
    const [c, costC] = classCost(heap, 'C', [a]);
    expect(costC).toBe(3);
    // A builtin type without subclasses at start-up gets its dict too.
    const [, costK] = classCost(heap, 'K', [heap.t.KeyError]);
    const [, costE] = classCost(heap, 'E', [heap.t.ValueError]);
    expect(costK - costE).toBe(1);

    // Unlinking B frees the weakref; A's dict stays for C, then goes to the dict free list.
    const parked = heap.freeListCounts.dict;
    let before = heap.gc.counts[0];
    countSubclassUnlink(heap, b);
    expect(heap.gc.counts[0]).toBe(before - 1);
    expect(heap.freeListCounts.dict).toBe(parked);
    before = heap.gc.counts[0];
    countSubclassUnlink(heap, c);
    expect(heap.gc.counts[0]).toBe(before - 1);
    expect(heap.freeListCounts.dict).toBe(parked + 1);
    // Only once per class.
    countSubclassUnlink(heap, c);
    expect(heap.gc.counts[0]).toBe(before - 1);
  });

  it('share one weakref between the bases of a class', () => {
    const heap = heap312();
    const [a] = classCost(heap, 'A', []);
    const [b] = classCost(heap, 'B', []);
    // Dict copy, type, one weakref, a dict for each base.
    const [d, costD] = classCost(heap, 'D', [a, b]);
    expect(costD).toBe(5);
    const parked = heap.freeListCounts.dict;
    const before = heap.gc.counts[0];
    countSubclassUnlink(heap, d);
    expect(heap.gc.counts[0]).toBe(before - 1);
    expect(heap.freeListCounts.dict).toBe(parked + 2);
  });

  it('are not modelled by the 2.7 profile', () => {
    const heap = new Heap({ version: '2.7', writeStderr: () => {} });
    expect(heap.profile.classCreation).toBeNull();
  });
});

describe('3.12 __slots__ tuples', () => {
  function slotsCost(heap: Heap, names: string[]): number {
    const ns = newDict(heap);
    const slots = newTupleSteal(heap, names.map((n) => newStr(heap, n)));
    dictSetStr(heap, ns, '__slots__', slots);
    heap.decref(slots);
    heap.freeListCounts.tuple.fill(0);
    const before = heap.gc.counts[0];
    newClass(heap, { name: 'S', bases: [], namespace: ns });
    const cost = heap.gc.counts[0] - before;
    heap.decref(ns);
    return cost;
  }

  it('count the sorted names tuple the class keeps, besides its member descriptors', () => {
    const heap = heap312();
    // Two member descriptors and the kept 2-tuple; an empty __slots__ keeps no tuple.
    expect(slotsCost(heap, ['b', 'a']) - slotsCost(heap, [])).toBe(3);
  });
});
