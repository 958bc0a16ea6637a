/**
 * The referrer index must answer exactly what one traversal pass (CPython's `gc.get_referrers`)
 * answers, whatever happened to the heap since it was built: random operation sequences (the
 * property world's allocations, links, unlinks, releases, collections, freezes, finalizers,
 * weakref callbacks) interleaved with questions about every live object.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { call, dictSetStr, Flag, Heap, ListHead, listAppend, newClass, newDict, newList, type Ref, referents } from '@heaplab/heap';
import { attachCollector } from './api.js';
import { opArb, World } from './properties.world.js';
import { ReferrerIndex, scanReferrers } from './referrers.js';

/** The reference answer, straight from `referents` (tp_traverse) for every tracked object. */
function referrersByTraversal(heap: Heap, targets: ReadonlySet<Ref>): Ref[] {
  const out: Ref[] = [];
  const buf: Ref[] = [];
  for (const r of [ListHead.GEN0, ListHead.GEN1, ListHead.GEN2].flatMap((head) => heap.listToArray(head))) {
    buf.length = 0;
    referents(heap, r, buf);
    if (buf.some((x) => targets.has(x))) out.push(r);
  }
  return out;
}

/** The test's live objects, its classes and their namespaces, and a few start-up objects. */
function liveObjects(w: World): Ref[] {
  const heap = w.heap;
  const classes = [w.A, w.S, w.D, w.Z, w.E];
  const out = [...w.survivors(), ...classes, w.graveyard, heap.None, heap.emptyTuple, heap.sysModules];
  for (const c of classes) {
    const ns = (heap.payload[c] as { dict: Ref }).dict;
    if (ns) out.push(ns);
  }
  return [...new Set(out)].filter((r) => r !== 0 && heap.isLive(r));
}

describe('ReferrerIndex', () => {
  it('answers like a traversal pass and keeps answering from the index while nothing changes', () => {
    const heap = new Heap({ version: '3.12' });
    const gc = attachCollector(heap);
    const x = newList(heap, []);
    const a = newList(heap, [x]);
    const b = newList(heap, [x, x]);
    const index = new ReferrerIndex(heap);
    expect(index.referrersOf(x, 1)).toEqual([a, b]);
    expect(index.referrersOf(a, 1)).toEqual([]);
    expect(index.builds).toBe(1);
    expect(index.scans).toBe(0);
    // A new holder is found among the objects tracked since the build.
    const c = newList(heap, [x]);
    expect(index.referrersOf(x, 1)).toEqual(scanReferrers(heap, new Set([x])));
    expect(index.referrersOf(x, 1)).toEqual([a, b, c]);
    // A collection reorders the lists; the answer follows the new order.
    gc.collect();
    expect(index.referrersOf(x, 1)).toEqual(scanReferrers(heap, new Set([x])));
    expect(index.scans).toBe(0);
    // An unaccounted reference (the caller does not declare it) falls back to a pass.
    heap.incref(x);
    expect(index.referrersOf(x, 1)).toEqual(scanReferrers(heap, new Set([x])));
    expect(index.scans).toBe(1);
    heap.decref(x);
    // Removing a reference without telling anyone: the recount sees it.
    listAppend(heap, a, a);
    (heap.payload[b] as Ref[]).length = 1;
    heap.decref(x);
    expect(index.referrersOf(x, 1)).toEqual(scanReferrers(heap, new Set([x])));
    expect(index.referrersOf(x, 1)).toHaveLength(3);
    (heap.payload[a] as Ref[]).shift();
    heap.decref(x);
    expect(index.referrersOf(x, 1).sort()).toEqual([b, c].sort());
    expect(index.referrersOf(a, 1)).toEqual([a]);
  });

  it('lists instances of list, tuple and dict subclasses among their class\'s referrers', () => {
    for (const version of ['2.7', '3.12'] as const) {
      const heap = new Heap({ version });
      const classes = [heap.t.list, heap.t.tuple, heap.t.dict].map((base, i) => {
        const ns = newDict(heap);
        const c = newClass(heap, { name: `Sub${i}`, bases: [base], namespace: ns });
        heap.decref(ns);
        return c;
      });
      const instances = classes.map((c) => call(heap, c, []));
      const index = new ReferrerIndex(heap);
      for (const [i, c] of classes.entries()) {
        const expected = referrersByTraversal(heap, new Set([c]));
        expect(expected).toContain(instances[i]);
        expect(index.referrersOf(c)).toEqual(expected);
        expect(scanReferrers(heap, new Set([c]))).toEqual(expected);
      }
    }
  });

  it('a list subclass kept alive only by its own class attribute is collected', () => {
    const heap = new Heap({ version: '3.12' });
    const gc = attachCollector(heap);
    gc.disable();
    const ns = newDict(heap);
    const L = newClass(heap, { name: 'L', bases: [heap.t.list], namespace: ns });
    heap.decref(ns);
    const inst = call(heap, L, []);
    dictSetStr(heap, (heap.payload[L] as { dict: Ref }).dict, 'inst', inst);
    heap.decref(inst);
    heap.decref(L);
    expect(gc.collect()).toBeGreaterThanOrEqual(2);
    expect(heap.isLive(inst)).toBe(false);
  });

  it('rebuilds once many objects are new, and skips untracked and immortal targets', () => {
    const heap = new Heap({ version: '3.12' });
    const x = newList(heap, []);
    const index = new ReferrerIndex(heap);
    expect(index.referrersOf(x, 1)).toEqual([]);
    const holders: Ref[] = [];
    for (let i = 0; i < 5000; i++) holders.push(newList(heap, [x]));
    expect(index.referrersOf(x, 1)).toEqual(holders);
    expect(index.builds).toBe(2);
    expect(index.referrersOf(heap.None)).toEqual(scanReferrers(heap, new Set([heap.None])));
    expect((heap.flags[heap.None]! & Flag.IMMORTAL) !== 0).toBe(true);
    expect(index.scans).toBe(1);
  });

  for (const version of ['2.7', '3.12'] as const) {
    it(`matches a traversal pass for every live object along random operations (${version})`, () => {
      let declared = 0;
      let declaredScans = 0;
      fc.assert(
        fc.property(fc.array(opArb, { minLength: 1, maxLength: 200 }), fc.integer({ min: 1, max: 20 }), (ops, every) => {
          const w = new World(version);
          const index = new ReferrerIndex(w.heap);
          for (let i = 0; i < ops.length; i++) {
            w.apply(ops[i]!);
            if (i % every !== 0) continue;
            const external = w.external();
            for (const x of liveObjects(w)) {
              const expected = referrersByTraversal(w.heap, new Set([x]));
              // Declaring the test's own references lets the index prove its answers...
              const before = index.scans;
              expect(index.referrersOf(x, external.get(x) ?? 0)).toEqual(expected);
              declared++;
              declaredScans += index.scans - before;
              // ...and declaring none must still be right (a pass when unproved).
              expect(index.referrersOf(x)).toEqual(expected);
            }
            const some = liveObjects(w).filter((_, j) => j % 3 === 0);
            expect(index.referrersOfAny(some)).toEqual(referrersByTraversal(w.heap, new Set(some)));
          }
        }),
        { numRuns: 100, seed: version === '2.7' ? 27 : 312 },
      );
      // With every holder declared, most answers come from the index.
      expect(declared).toBeGreaterThan(1000);
      expect(declaredScans / declared).toBeLessThan(0.35);
    }, 60_000);
  }
});
