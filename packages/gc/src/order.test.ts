/**
 * The kept copy of `gc.get_objects()` order must always equal a fresh walk of the generation
 * lists, whatever happened in between: random operation sequences (allocations, links,
 * releases, collections of each generation, freezes, finalizers) with the copy read after each.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dictSetStr, Heap, ListHead, newDict, newList, type Ref } from '@heaplab/heap';
import { TrackedOrder, trackedOrder } from './order.js';
import { opArb, World } from './properties.world.js';

function walked(heap: Heap): Ref[] {
  return [ListHead.GEN0, ListHead.GEN1, ListHead.GEN2].flatMap((head) => heap.listToArray(head));
}

describe('TrackedOrder', () => {
  it('walks once while nothing moves, compacts after frees, walks again after appends', () => {
    const heap = new Heap({ version: '3.12' });
    const order = new TrackedOrder(heap);
    const a = newList(heap, []);
    const b = newList(heap, [a]);
    expect([...order.current()].slice(-2)).toEqual([a, b]);
    order.current();
    expect(order.walks).toBe(1);
    heap.decref(b); // freed: the copy drops it without a walk
    expect([...order.current()].slice(-1)).toEqual([a]);
    expect(order.walks).toBe(1);
    const c = newList(heap, []); // appended: a new walk
    expect([...order.current()].slice(-2)).toEqual([a, c]);
    expect(order.walks).toBe(2);
    expect(trackedOrder(heap)).toBe(trackedOrder(heap));
  });

  it('keeps the types beside the order, refilled after a class change', () => {
    const heap = new Heap({ version: '3.12' });
    const order = new TrackedOrder(heap);
    const a = newList(heap, []);
    const b = newDict(heap);
    dictSetStr(heap, b, 'a', a); // a container value: the dict is tracked
    expect([...order.types()].slice(-2)).toEqual([heap.t.list, heap.t.dict]);
    heap.typ[a] = heap.t.tuple; // as `__class__` assignment does, with:
    heap.retypes++;
    expect([...order.types()].slice(-2)).toEqual([heap.t.tuple, heap.t.dict]);
    heap.typ[a] = heap.t.list;
    heap.retypes++;
    heap.decref(b); // freed: the types are compacted with the order
    expect([...order.types()].slice(-1)).toEqual([heap.t.list]);
    expect(order.walks).toBe(1);
  });

  for (const version of ['2.7', '3.12'] as const) {
    it(`equals a walk of the lists along random operations (${version})`, () => {
      fc.assert(
        fc.property(fc.array(opArb, { minLength: 1, maxLength: 200 }), fc.integer({ min: 1, max: 5 }), (ops, every) => {
          const w = new World(version);
          const order = trackedOrder(w.heap);
          for (let i = 0; i < ops.length; i++) {
            w.apply(ops[i]!);
            if (i % every === 0) {
              expect([...order.current()]).toEqual(walked(w.heap));
              expect([...order.types()]).toEqual(walked(w.heap).map((r) => w.heap.typ[r]!));
            }
          }
          expect([...order.current()]).toEqual(walked(w.heap));
        }),
        { numRuns: 100, seed: version === '2.7' ? 27 : 312 },
      );
    }, 60_000);
  }
});
