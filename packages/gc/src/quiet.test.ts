/**
 * A full collection of a heap exactly as an idle full collection left it skips its passes
 * (`Collector.isSettled`). With `checkQuietCollections` the passes run anyway and throw if they
 * find anything to do: random operation sequences with a checked full collection after each
 * operation (links that only add references, duplicated handles and repeated collections make
 * many of them provably idle).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Heap, listAppend, newList } from '@heaplab/heap';
import { attachCollector } from './api.js';
import type { Collector } from './collector.js';
import { opArb, World } from './properties.world.js';

describe('idle full collections', () => {
  it('skip their passes only while nothing was released, moved or tracked since an idle one', () => {
    const heap = new Heap({ version: '3.12' });
    const gc = attachCollector(heap);
    const collector = heap.collector as Collector;
    const a = newList(heap, []);
    gc.collect(); // reorders, untracks: not idle
    gc.collect(); // idle
    const before = collector.quietCollections;
    gc.collect();
    expect(collector.quietCollections).toBe(before + 1);
    listAppend(heap, a, a); // a reference added, none released: still provably idle
    gc.collect();
    expect(collector.quietCollections).toBe(before + 2);
    heap.decref(a); // released: the cycle is garbage, and the next collection must find it
    expect(gc.collect()).toBe(1);
    expect(collector.quietCollections).toBe(before + 2);
  });

  for (const version of ['2.7', '3.12'] as const) {
    it(`never skip a collection that would do anything (${version})`, () => {
      let quiet = 0;
      fc.assert(
        fc.property(fc.array(opArb, { minLength: 1, maxLength: 120 }), (ops) => {
          const w = new World(version);
          const collector = w.heap.collector as Collector;
          collector.checkQuietCollections = true;
          for (const op of ops) {
            w.apply(op);
            w.gc.collect(2);
          }
          quiet += collector.quietCollections;
        }),
        { numRuns: 100, seed: version === '2.7' ? 27 : 312 },
      );
      expect(quiet).toBeGreaterThan(150);
    }, 60_000);
  }
});
