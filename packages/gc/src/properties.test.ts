/**
 * Property tests over random operation sequences (allocate, link, unlink, release, collect(n),
 * freeze, weakrefs), in both profiles. After every step the heap's invariants hold: each
 * refcount equals the references actually held, nothing references a freed object, the
 * generation lists are consistent. After releasing everything and a full collection (no
 * finalizers, no DEBUG_SAVEALL), nothing allocated by the test survives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  call,
  checkInvariants,
  dictDelItem,
  dictGetItem,
  dictSetItem,
  getAttrStorage,
  Heap,
  intern,
  Kind,
  listAppend,
  listSetSlice,
  newClass,
  newDict,
  newList,
  newTuple,
  newWeakref,
  type PythonVersion,
  type Ref,
  setAttr,
  newStr,
  Flag,
} from '@heaplab/heap';
import { attachCollector, type GcModule } from './api.js';

type Op =
  | { op: 'list' | 'dict' | 'instance' | 'slotted' }
  | { op: 'tuple'; a: number; b: number }
  | { op: 'link'; a: number; b: number; key: number }
  | { op: 'unlink'; a: number; key: number }
  | { op: 'release'; a: number }
  | { op: 'dup'; a: number }
  | { op: 'collect'; gen: number }
  | { op: 'weakref'; a: number }
  | { op: 'freeze' | 'unfreeze' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<Op>({ op: 'list' }, { op: 'dict' }, { op: 'instance' }, { op: 'slotted' }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('tuple' as const), a: fc.nat(), b: fc.nat() }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('link' as const), a: fc.nat(), b: fc.nat(), key: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('unlink' as const), a: fc.nat(), key: fc.nat(3) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('release' as const), a: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('dup' as const), a: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('collect' as const), gen: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('weakref' as const), a: fc.nat() }) },
  { weight: 1, arbitrary: fc.constantFrom<Op>({ op: 'freeze' }, { op: 'unfreeze' }) },
);

const KEYS = ['a', 'b', 'c', 'd'];

class World {
  readonly heap: Heap;
  readonly gc: GcModule;
  readonly held: Ref[] = [];
  readonly A: Ref;
  readonly S: Ref;
  readonly keys: Ref[];
  readonly created = new Set<Ref>();
  readonly generationAt = new Map<Ref, number>();

  constructor(readonly version: PythonVersion) {
    this.heap = new Heap({ version, writeStderr: () => {} });
    this.gc = attachCollector(this.heap);
    const heap = this.heap;
    const ns = newDict(heap);
    this.A = newClass(heap, { name: 'A', bases: [], namespace: ns });
    const ns2 = newDict(heap);
    const slots = newTuple(heap, [intern(heap, 'a'), intern(heap, 'b')]);
    const key = newStr(heap, '__slots__');
    dictSetItem(heap, ns2, key, slots);
    this.S = newClass(heap, { name: 'S', bases: [], namespace: ns2 });
    heap.decref(ns);
    heap.decref(ns2);
    heap.decref(slots);
    heap.decref(key);
    this.keys = KEYS.map((k) => intern(heap, k));
  }

  pick(i: number): Ref | undefined {
    return this.held.length === 0 ? undefined : this.held[i % this.held.length];
  }

  remember(r: Ref): void {
    this.held.push(r);
    if ((this.heap.flags[r]! & Flag.IMMORTAL) !== 0) return; // e.g. the empty tuple singleton
    this.created.add(r);
    this.generationAt.set(r, this.heap.generation[r]!);
  }

  apply(o: Op): void {
    const heap = this.heap;
    switch (o.op) {
      case 'list':
        this.remember(newList(heap, []));
        break;
      case 'dict':
        this.remember(newDict(heap));
        break;
      case 'instance':
        this.remember(call(heap, this.A, []));
        break;
      case 'slotted':
        this.remember(call(heap, this.S, []));
        break;
      case 'tuple': {
        const a = this.pick(o.a);
        const b = this.pick(o.b);
        this.remember(newTuple(heap, [a, b].filter((x): x is Ref => x !== undefined)));
        break;
      }
      case 'link': {
        const a = this.pick(o.a);
        const b = this.pick(o.b);
        if (a === undefined || b === undefined) break;
        const k = heap.kind[a];
        if (k === Kind.LIST) listAppend(heap, a, b);
        else if (k === Kind.DICT) dictSetItem(heap, a, this.keys[o.key]!, b);
        else if (k === Kind.INSTANCE) setAttr(heap, a, heap.typ[a] === this.S ? (o.key % 2 === 0 ? 'a' : 'b') : KEYS[o.key]!, b);
        break;
      }
      case 'unlink': {
        const a = this.pick(o.a);
        if (a === undefined) break;
        const k = heap.kind[a];
        if (k === Kind.LIST) {
          const items = heap.payload[a] as Ref[];
          if (items.length > 0) listSetSlice(heap, a, items.length - 1, items.length, []);
        } else if (k === Kind.DICT) {
          if (dictGetItem(heap, a, this.keys[o.key]!) !== 0) dictDelItem(heap, a, this.keys[o.key]!);
        } else if (k === Kind.INSTANCE && heap.typ[a] === this.A) {
          if (getAttrStorage(heap, a, KEYS[o.key]!) !== 0) setAttr(heap, a, KEYS[o.key]!, 0);
        }
        break;
      }
      case 'release': {
        if (this.held.length === 0) break;
        const i = o.a % this.held.length;
        const r = this.held.splice(i, 1)[0]!;
        heap.decref(r);
        break;
      }
      case 'dup': {
        const a = this.pick(o.a);
        if (a !== undefined) {
          heap.incref(a);
          this.held.push(a);
        }
        break;
      }
      case 'collect':
        this.gc.collect(o.gen);
        break;
      case 'weakref': {
        const a = this.pick(o.a);
        if (a !== undefined && heap.kind[a] === Kind.INSTANCE && heap.typ[a] === this.A) this.remember(newWeakref(heap, a, 0));
        break;
      }
      case 'freeze':
        if (heap.profile.gcApi.freeze) this.gc.freeze();
        break;
      case 'unfreeze':
        if (heap.profile.gcApi.freeze) this.gc.unfreeze();
        break;
    }
  }

  external(): Map<Ref, number> {
    const m = new Map<Ref, number>();
    for (const r of this.held) m.set(r, (m.get(r) ?? 0) + 1);
    for (const r of [this.A, this.S]) m.set(r, (m.get(r) ?? 0) + 1);
    return m;
  }

  /** Objects created by the test that are still the same live object. */
  survivors(): Ref[] {
    const heap = this.heap;
    return [...this.created].filter((r) => heap.isLive(r) && heap.generation[r] === this.generationAt.get(r) && (heap.flags[r]! & Flag.FREE) === 0);
  }
}

for (const version of ['2.7', '3.12'] as const) {
  describe(`heap + collector invariants (${version})`, () => {
    it('hold after every operation; a full collection frees everything unreachable', () => {
      fc.assert(
        fc.property(fc.array(opArb, { minLength: 1, maxLength: 80 }), (ops) => {
          const w = new World(version);
          w.gc.disable();
          for (const o of ops) {
            w.apply(o);
            const bad = checkInvariants(w.heap, w.external());
            if (bad.length > 0) throw new Error(`after ${JSON.stringify(o)}: ${bad.slice(0, 3).map((b) => b.message).join('; ')}`);
          }
          while (w.held.length > 0) w.heap.decref(w.held.pop()!);
          if (w.heap.profile.gcApi.freeze) w.gc.unfreeze();
          w.gc.collect(2);
          expect(checkInvariants(w.heap, w.external())).toEqual([]);
          expect(w.survivors()).toEqual([]);
        }),
        { numRuns: 150 },
      );
    });

    it('stays consistent over 250,000 random operations with automatic collection', () => {
      const w = new World(version);
      w.gc.setThreshold(50, 5, 5);
      const rng = fc.sample(opArb, { numRuns: 250_000, seed: version === '2.7' ? 27 : 312 });
      let i = 0;
      for (const o of rng) {
        w.apply(o);
        w.heap.safePoint();
        if (++i % 25_000 === 0) {
          const bad = checkInvariants(w.heap, w.external());
          expect(bad.slice(0, 3)).toEqual([]);
        }
        // Keep the working set bounded.
        if (w.held.length > 400) w.apply({ op: 'release', a: 0 });
      }
      while (w.held.length > 0) w.heap.decref(w.held.pop()!);
      if (w.heap.profile.gcApi.freeze) w.gc.unfreeze();
      w.gc.collect(2);
      expect(checkInvariants(w.heap, w.external())).toEqual([]);
      expect(w.survivors()).toEqual([]);
    }, 120_000);
  });
}
