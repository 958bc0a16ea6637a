/**
 * The random-operation model behind `properties.test.ts`: a heap plus its collector, a set of
 * references the test holds (like Python variables), and operations on them — allocation of
 * lists, dicts, tuples, instances (plain, slotted, with a `__del__`, with a resurrecting
 * `__del__`, with a raising `__del__`), links and unlinks, releases, weak references with and
 * without callbacks, collections of each generation, freeze/unfreeze, DEBUG_SAVEALL and
 * clearing `gc.garbage`. Everything the test allocates is remembered so that, after the final
 * full collection, every survivor must be explained (see `unexplainedSurvivors`).
 */
import fc from 'fast-check';
import {
  call,
  defineMethod,
  dictDelItem,
  dictGetItem,
  dictSetItem,
  Flag,
  getAttrStorage,
  Heap,
  intern,
  Kind,
  listAppend,
  listSetSlice,
  newBuiltinFunction,
  newClass,
  newDict,
  newList,
  newStr,
  newTuple,
  newWeakref,
  type PythonVersion,
  type Ref,
  referents,
  setAttr,
} from '@heaplab/heap';
import { attachCollector, type GcModule } from './api.js';

export type Op =
  | { op: 'list' | 'dict' | 'instance' | 'slotted' | 'del' | 'zombie' | 'raiser' }
  | { op: 'tuple'; a: number; b: number }
  | { op: 'link'; a: number; b: number; key: number }
  | { op: 'unlink'; a: number; key: number }
  | { op: 'release'; a: number }
  | { op: 'dup'; a: number }
  | { op: 'collect'; gen: number }
  | { op: 'weakref'; a: number; callback: boolean }
  | { op: 'freeze' | 'unfreeze' | 'saveall' | 'nodebug' | 'cleargarbage' | 'bury' };

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<Op>({ op: 'list' }, { op: 'dict' }, { op: 'instance' }, { op: 'slotted' }) },
  { weight: 1, arbitrary: fc.constantFrom<Op>({ op: 'del' }, { op: 'zombie' }, { op: 'raiser' }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('tuple' as const), a: fc.nat(), b: fc.nat() }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('link' as const), a: fc.nat(), b: fc.nat(), key: fc.nat(7) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('unlink' as const), a: fc.nat(), key: fc.nat(7) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('release' as const), a: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('dup' as const), a: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('collect' as const), gen: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('weakref' as const), a: fc.nat(), callback: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Op>({ op: 'freeze' }, { op: 'unfreeze' }, { op: 'saveall' }, { op: 'nodebug' }, { op: 'cleargarbage' }, { op: 'bury' }),
  },
);

const KEYS = ['a', 'b', 'c', 'd'];
/** Lists grow up to this length; further links overwrite an item (keeps the heap bounded). */
const MAX_LIST = 6;
/** The test holds at most this many references; beyond, the oldest is released. */
export const MAX_HELD = 300;

export class World {
  readonly heap: Heap;
  readonly gc: GcModule;
  readonly held: Ref[] = [];
  /** Classes: plain, slotted, `__del__`, resurrect-once `__del__`, raising `__del__`. */
  readonly A: Ref;
  readonly S: Ref;
  readonly D: Ref;
  readonly Z: Ref;
  readonly E: Ref;
  /** The list resurrecting finalizers store `self` in (held by the test). */
  readonly graveyard: Ref;
  /** The weakref callback (a builtin function counting its calls). */
  readonly callback: Ref;
  readonly keys: Ref[];
  readonly created = new Set<Ref>();
  readonly generationAt = new Map<Ref, number>();
  finalizerCalls = 0;
  /** Graveyard sizes after each round of `finish` (for failure messages). */
  readonly graveyardSizes: number[] = [];
  callbackCalls = 0;
  /** Operations applied (the caller's count of "random heap operations"). */
  ops = 0;

  constructor(readonly version: PythonVersion) {
    this.heap = new Heap({ version, writeStderr: () => {} });
    this.gc = attachCollector(this.heap);
    const heap = this.heap;
    this.A = this.makeClass('A');
    this.S = this.makeClass('S', ['a', 'b']);
    this.D = this.makeClass('D');
    defineMethod(heap, this.D, '__del__', (h) => {
      this.finalizerCalls++;
      return h.newRef(h.None);
    });
    this.Z = this.makeClass('Z');
    defineMethod(heap, this.Z, '__del__', (h, self) => {
      this.finalizerCalls++;
      // Resurrect once: the first call stores self in the graveyard and marks it.
      if (getAttrStorage(h, self, 'z') === 0) {
        setAttr(h, self, 'z', h.None);
        listAppend(h, this.graveyard, self);
      }
      return h.newRef(h.None);
    });
    this.E = this.makeClass('E');
    defineMethod(heap, this.E, '__del__', (h) => {
      this.finalizerCalls++;
      throw h.newException(h.t.ValueError, 'boom');
    });
    this.graveyard = newList(heap, []);
    this.callback = newBuiltinFunction(heap, 'cb', (h) => {
      this.callbackCalls++;
      return h.newRef(h.None);
    });
    this.keys = KEYS.map((k) => intern(heap, k));
  }

  private makeClass(name: string, slots?: string[]): Ref {
    const heap = this.heap;
    const ns = newDict(heap);
    let tuple = 0;
    if (slots) {
      tuple = newTuple(heap, slots.map((s) => intern(heap, s)));
      const key = newStr(heap, '__slots__');
      dictSetItem(heap, ns, key, tuple);
      heap.decref(key);
      for (const s of slots) heap.decref(intern(heap, s)); // intern returned new references
    }
    const cls = newClass(heap, { name, bases: [], namespace: ns });
    heap.decref(ns);
    if (tuple !== 0) heap.decref(tuple);
    return cls;
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

  private isUserInstance(r: Ref): boolean {
    const t = this.heap.typ[r];
    return this.heap.kind[r] === Kind.INSTANCE && (t === this.A || t === this.D || t === this.Z || t === this.E);
  }

  apply(o: Op): void {
    const heap = this.heap;
    this.ops++;
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
      case 'del':
        this.remember(call(heap, this.D, []));
        break;
      case 'zombie':
        this.remember(call(heap, this.Z, []));
        break;
      case 'raiser':
        this.remember(call(heap, this.E, []));
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
        if (k === Kind.LIST) {
          const items = heap.payload[a] as Ref[];
          if (items.length < MAX_LIST) listAppend(heap, a, b);
          else listSetSlice(heap, a, o.key % MAX_LIST, (o.key % MAX_LIST) + 1, [b]);
        } else if (k === Kind.DICT) dictSetItem(heap, a, this.keys[o.key % 4]!, b);
        else if (k === Kind.INSTANCE) {
          setAttr(heap, a, heap.typ[a] === this.S ? (o.key % 2 === 0 ? 'a' : 'b') : KEYS[o.key % 4]!, b);
        }
        break;
      }
      case 'unlink': {
        const a = this.pick(o.a);
        if (a === undefined) break;
        const k = heap.kind[a];
        if (k === Kind.LIST) {
          const items = heap.payload[a] as Ref[];
          if (items.length > 0) {
            const i = o.key % items.length;
            listSetSlice(heap, a, i, i + 1, []);
          }
        } else if (k === Kind.DICT) {
          if (dictGetItem(heap, a, this.keys[o.key % 4]!) !== 0) dictDelItem(heap, a, this.keys[o.key % 4]!);
        } else if (this.isUserInstance(a)) {
          if (getAttrStorage(heap, a, KEYS[o.key % 4]!) !== 0) setAttr(heap, a, KEYS[o.key % 4]!, 0);
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
        if (a !== undefined && this.isUserInstance(a)) this.remember(newWeakref(heap, a, o.callback ? this.callback : 0));
        break;
      }
      case 'freeze':
        if (heap.profile.gcApi.freeze) this.gc.freeze();
        break;
      case 'unfreeze':
        if (heap.profile.gcApi.freeze) this.gc.unfreeze();
        break;
      case 'saveall':
        this.gc.setDebug(this.gc.flags.DEBUG_SAVEALL);
        break;
      case 'nodebug':
        this.gc.setDebug(0);
        break;
      case 'cleargarbage': {
        const g = this.gc.garbage;
        listSetSlice(heap, g, 0, (heap.payload[g] as Ref[]).length, []);
        break;
      }
      case 'bury':
        listSetSlice(heap, this.graveyard, 0, (heap.payload[this.graveyard] as Ref[]).length, []);
        break;
    }
    // Keep the working set bounded.
    if (this.held.length > MAX_HELD) heap.decref(this.held.shift()!);
  }

  /** References held outside the heap: the test's variables, the classes, graveyard, callback. */
  external(): Map<Ref, number> {
    const m = new Map<Ref, number>();
    for (const r of this.held) m.set(r, (m.get(r) ?? 0) + 1);
    for (const r of [this.A, this.S, this.D, this.Z, this.E, this.graveyard, this.callback]) m.set(r, (m.get(r) ?? 0) + 1);
    return m;
  }

  /** Objects created by the test that are still the same live object. */
  survivors(): Ref[] {
    const heap = this.heap;
    return [...this.created].filter((r) => heap.isLive(r) && heap.generation[r] === this.generationAt.get(r));
  }

  /** Everything reachable from `roots` (by the references the collector sees). */
  reachable(roots: readonly Ref[]): Set<Ref> {
    const seen = new Set<Ref>(roots);
    const stack = [...roots];
    const buf: Ref[] = [];
    while (stack.length > 0) {
      const r = stack.pop()!;
      buf.length = 0;
      referents(this.heap, r, buf);
      for (const x of buf) {
        if (!seen.has(x)) {
          seen.add(x);
          stack.push(x);
        }
      }
    }
    return seen;
  }

  /**
   * Drop every reference the test holds (variables, graveyard), unfreeze, turn DEBUG_SAVEALL off
   * and run a full collection. Returns the survivors that have no reason to live: the only
   * allowed reason is being reachable from `gc.garbage` (a 2.7 `__del__` cycle, or what an
   * earlier DEBUG_SAVEALL collection saved). Then empties `gc.garbage`, collects again and
   * checks again: in 3.12 nothing may survive at all; in 2.7 only uncollectable `__del__`
   * cycles, which go back into `gc.garbage`.
   */
  finish(): { first: Ref[]; second: Ref[] } {
    const heap = this.heap;
    while (this.held.length > 0) heap.decref(this.held.pop()!);
    this.apply({ op: 'bury' });
    if (heap.profile.gcApi.freeze) this.gc.unfreeze();
    this.gc.setDebug(0);
    this.gc.collect(2);
    if (this.version === '2.7') {
      // 2.7's collect() clears the collectable garbage *after* setting aside what legacy
      // finalizers reach; clearing may free such a finalizer object by refcount (CPython: "It may
      // also cause some objects in finalizers to be freed"), and what it alone reached then waits
      // for the next collection. Collect until nothing more is found.
      for (let i = 0; i < 10 && this.gc.collect(2) > 0; i++);
    }
    const explained = (): Ref[] => {
      const ok = this.reachable([...this.gc.garbageItems(), this.graveyard]);
      return this.survivors().filter((r) => !ok.has(r));
    };
    const first = explained();
    this.apply({ op: 'cleargarbage' });
    // Empty the graveyard and collect until no finalizer resurrects anything (each Z resurrects
    // once, so this ends; the bound catches a finalizer that would resurrect forever).
    for (let round = 0; round < 20; round++) {
      this.apply({ op: 'bury' });
      this.gc.collect(2);
      this.graveyardSizes.push((heap.payload[this.graveyard] as Ref[]).length);
      if ((heap.payload[this.graveyard] as Ref[]).length === 0) break;
    }
    const second = this.version === '3.12' ? this.survivors() : explained();
    return { first, second };
  }
}
