/**
 * A full collection of a heap exactly as an idle full collection left it skips its passes
 * (`Collector.isSettled`). With `checkQuietCollections` the passes run anyway and throw if they
 * find anything to do: random operation sequences with a checked full collection after each
 * operation (links that only add references, duplicated handles and repeated collections make
 * many of them provably idle).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dictDelItem, dictSetStr, Heap, intern, listAppend, newDict, newList, newStr } from '@heaplab/heap';
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

  it('treat a temporary hold given back and taken again as unchanged, and anything less as a change', () => {
    const heap = new Heap({ version: '3.12' });
    const gc = attachCollector(heap);
    const collector = heap.collector as Collector;
    const a = newList(heap, []);
    listAppend(heap, a, a);
    heap.holdTemporarily(a);
    heap.decref(a); // now only the cycle and the temporary hold keep it
    gc.collect();
    gc.collect(); // idle, with the hold
    heap.releaseTemporarily(a);
    heap.holdTemporarily(a);
    const before = collector.quietCollections;
    expect(gc.collect()).toBe(0);
    expect(collector.quietCollections).toBe(before + 1);
    heap.releaseTemporarily(a); // the hold is gone: the cycle is garbage
    expect(gc.collect()).toBe(1);
    expect(collector.quietCollections).toBe(before + 1);
    expect(() => heap.releaseTemporarily(heap.None)).toThrow(/no temporary hold/);
  });

  it('ignore releases of ints and strs, but not of untracked containers', () => {
    const heap = new Heap({ version: '3.12' });
    const gc = attachCollector(heap);
    const collector = heap.collector as Collector;
    const s = newStr(heap, 'not a container');
    const inner = newDict(heap); // untracked: holds nothing
    const outer = newDict(heap);
    dictSetStr(heap, outer, 'k', inner); // a dict value: outer may hold a container, stays tracked
    gc.collect();
    gc.collect();
    const before = collector.quietCollections;
    heap.incref(s);
    heap.decref(s);
    gc.collect();
    expect(collector.quietCollections).toBe(before + 1);
    dictDelItem(heap, outer, intern(heap, 'k')); // outer holds nothing now: untracked by the next full collection
    expect(heap.isTracked(outer)).toBe(true);
    gc.collect();
    expect(collector.quietCollections).toBe(before + 1);
    expect(heap.isTracked(outer)).toBe(false);
  });

  for (const version of ['2.7', '3.12'] as const) {
    it(`never skip a collection that would do anything (${version})`, () => {
      let quiet = 0;
      fc.assert(
        fc.property(fc.array(fc.tuple(opArb, fc.nat(7)), { minLength: 1, maxLength: 120 }), (steps) => {
          const w = new World(version);
          const heap = w.heap;
          const collector = heap.collector as Collector;
          collector.checkQuietCollections = true;
          // Temporary holds taken and given back around the collections, as a query's are.
          const holds: number[] = [];
          for (const [op, h] of steps) {
            w.apply(op);
            if (h === 0 && w.held.length > 0) {
              const r = w.held[op.op.length % w.held.length]!;
              heap.holdTemporarily(r);
              holds.push(r);
            } else if (h === 1 && holds.length > 0) heap.releaseTemporarily(holds.pop()!);
            else if (h === 2 && holds.length > 0) {
              // Give back and take again: the same state.
              const r = holds[holds.length - 1]!;
              heap.releaseTemporarily(r);
              if (heap.isLive(r)) heap.holdTemporarily(r);
              else holds.pop();
            }
            w.gc.collect(2);
          }
          while (holds.length > 0) heap.releaseTemporarily(holds.pop()!);
          w.gc.collect(2);
          quiet += collector.quietCollections;
        }),
        { numRuns: 100, seed: version === '2.7' ? 27 : 312 },
      );
      expect(quiet).toBeGreaterThan(150);
    }, 60_000);
  }
});
