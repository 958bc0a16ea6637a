/**
 * The object store: per-object header fields as typed arrays indexed by slot ("struct of arrays"),
 * a payload array for the kind-specific data, and slot allocation.
 *
 * Slot 0 is `NULL`. Slots 1..LIST_HEAD_COUNT are list heads (sentinels) for the collector's
 * generation lists and scratch lists, so list operations never special-case an empty list.
 * Freed slots are reused last-in-first-out, which is how CPython's allocator tends to hand back
 * the most recently freed block of a size class: `id([]) == id([])` is True in both.
 */
import { Flag } from './kinds.js';
import type { Ref } from './ref.js';

/** Generation list heads and the collector's scratch list heads. */
export const ListHead = {
  GEN0: 1,
  GEN1: 2,
  GEN2: 3,
  PERMANENT: 4,
  /** Scratch heads for the collector (unreachable, finalizers, ...). */
  SCRATCH0: 5,
  SCRATCH1: 6,
  SCRATCH2: 7,
  SCRATCH3: 8,
  SCRATCH4: 9,
  SCRATCH5: 10,
  SCRATCH6: 11,
  SCRATCH7: 12,
} as const;
export const LIST_HEAD_COUNT = 12;

/** Where addresses start; ids are `ADDRESS_BASE + slot * 16` like 64-bit CPython's `0x7f...`. */
export const ADDRESS_BASE = 0x7f0000000000;

/**
 * Header arrays and slot allocation. `Heap` extends this with the object model.
 *
 * @example
 * ```ts
 * import { ObjectStore } from '@heaplab/heap';
 * const s = new ObjectStore(16);
 * const r = s.allocSlot();
 * s.freeSlot(r);
 * s.allocSlot() === r; // true: LIFO reuse
 * ```
 */
export class ObjectStore {
  /** Reference counts. */
  rc: Int32Array;
  /** Type object of each object. */
  typ: Int32Array;
  /** Layout (see `Kind`). */
  kind: Uint8Array;
  /** Flag bits (see `Flag`). */
  flags: Uint8Array;
  /** Generation list links (intrusive, circular, with sentinel heads). */
  gcNext: Int32Array;
  gcPrev: Int32Array;
  /** The collector's per-object scratch counter (`gc_refs`). */
  gcRefs: Int32Array;
  /** Kind-specific data. */
  payload: unknown[];
  /** Slot-reuse counter: bumped when a slot is freed, so stale handles can be detected. */
  generation: Uint32Array;

  /** Number of slots ever handed out (high-water mark, excluding heads). */
  top: number;
  /** Head of the free-slot stack (linked through `gcNext`), 0 when empty. */
  private freeHead = 0;
  /** Objects currently alive. */
  live = 0;
  /**
   * Bumped whenever an object is appended to a list or lists are merged: the relative order of
   * the objects in the generation lists (and which objects they hold) can only have changed if
   * it moved. Removing an object (untracking, freeing) leaves the others' order alone.
   */
  listEpoch = 0;
  /**
   * Bumped whenever an object leaves a list by `listRemove` (untracking, freeing). With
   * `listEpoch` it tells a snapshot of the generation lists what happened since: same epoch and
   * same removals, nothing at all; same epoch only, some objects are gone but the others kept
   * their order.
   */
  listRemovals = 0;
  /** Limit on live objects (the object budget); `Infinity` by default. */
  objectBudget = Number.POSITIVE_INFINITY;

  constructor(initialCapacity = 1024) {
    const cap = Math.max(64, initialCapacity);
    this.rc = new Int32Array(cap);
    this.typ = new Int32Array(cap);
    this.kind = new Uint8Array(cap);
    this.flags = new Uint8Array(cap);
    this.gcNext = new Int32Array(cap);
    this.gcPrev = new Int32Array(cap);
    this.gcRefs = new Int32Array(cap);
    this.generation = new Uint32Array(cap);
    this.payload = new Array(cap);
    this.top = LIST_HEAD_COUNT + 1;
    for (let h = 1; h <= LIST_HEAD_COUNT; h++) {
      this.gcNext[h] = h;
      this.gcPrev[h] = h;
      this.flags[h] = Flag.IMMORTAL;
    }
  }

  /** Current capacity in slots. */
  get capacity(): number {
    return this.rc.length;
  }

  private grow(): void {
    const cap = this.rc.length * 2;
    const growI32 = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    const growU8 = (a: Uint8Array) => {
      const b = new Uint8Array(cap);
      b.set(a);
      return b;
    };
    this.rc = growI32(this.rc);
    this.typ = growI32(this.typ);
    this.kind = growU8(this.kind);
    this.flags = growU8(this.flags);
    this.gcNext = growI32(this.gcNext);
    this.gcPrev = growI32(this.gcPrev);
    this.gcRefs = growI32(this.gcRefs);
    const g = new Uint32Array(cap);
    g.set(this.generation);
    this.generation = g;
    this.payload.length = cap;
  }

  /** Take a free slot (header fields zeroed except `generation`). */
  allocSlot(): Ref {
    let r = this.freeHead;
    if (r !== 0) {
      this.freeHead = this.gcNext[r]!;
      this.gcNext[r] = 0;
    } else {
      if (this.top >= this.rc.length) this.grow();
      r = this.top++;
    }
    this.flags[r] = 0;
    this.live++;
    return r;
  }

  /** Return a slot to the free stack. */
  freeSlot(r: Ref): void {
    this.rc[r] = 0;
    this.typ[r] = 0;
    this.kind[r] = 0;
    this.flags[r] = Flag.FREE;
    this.payload[r] = undefined;
    this.gcPrev[r] = 0;
    this.gcNext[r] = this.freeHead;
    this.generation[r] = (this.generation[r]! + 1) >>> 0;
    this.freeHead = r;
    this.live--;
  }

  /** True if `r` names a live object (not NULL, not a head, not free, in range). */
  isLive(r: Ref): boolean {
    return r > LIST_HEAD_COUNT && r < this.top && (this.flags[r]! & Flag.FREE) === 0 && this.kind[r] !== 0;
  }

  /** The object's id, as Python's `id()` reports it. */
  addressOf(r: Ref): number {
    return ADDRESS_BASE + r * 16;
  }

  /** Inverse of `addressOf` (0 if the address names no live object). */
  refAtAddress(address: number): Ref {
    const off = address - ADDRESS_BASE;
    if (off <= 0 || off % 16 !== 0) return 0;
    const r = off / 16;
    return this.isLive(r) ? r : 0;
  }

  // ---- intrusive doubly-linked lists (CPython's gc_list_* helpers) ----------------------

  /** Make `head` an empty list. */
  listInit(head: number): void {
    this.gcNext[head] = head;
    this.gcPrev[head] = head;
  }

  /** Append `r` at the tail of list `head`. */
  listAppend(r: Ref, head: number): void {
    this.listEpoch++;
    const last = this.gcPrev[head]!;
    this.gcNext[last] = r;
    this.gcPrev[r] = last;
    this.gcNext[r] = head;
    this.gcPrev[head] = r;
  }

  /** Unlink `r` from whatever list holds it. */
  listRemove(r: Ref): void {
    this.listRemovals++;
    const prev = this.gcPrev[r]!;
    const next = this.gcNext[r]!;
    this.gcNext[prev] = next;
    this.gcPrev[next] = prev;
    this.gcPrev[r] = 0;
    this.gcNext[r] = 0;
  }

  /** Move `r` from its list to the tail of `head`. */
  listMove(r: Ref, head: number): void {
    const prev = this.gcPrev[r]!;
    const next = this.gcNext[r]!;
    this.gcNext[prev] = next;
    this.gcPrev[next] = prev;
    this.listAppend(r, head);
  }

  /** Append every element of `from` to the tail of `to`, leaving `from` empty. */
  listMerge(from: number, to: number): void {
    if (this.gcNext[from] === from) return;
    this.listEpoch++;
    const toTail = this.gcPrev[to]!;
    const fromHead = this.gcNext[from]!;
    const fromTail = this.gcPrev[from]!;
    this.gcNext[toTail] = fromHead;
    this.gcPrev[fromHead] = toTail;
    this.gcNext[fromTail] = to;
    this.gcPrev[to] = fromTail;
    this.gcNext[from] = from;
    this.gcPrev[from] = from;
  }

  listIsEmpty(head: number): boolean {
    return this.gcNext[head] === head;
  }

  listSize(head: number): number {
    let n = 0;
    for (let r = this.gcNext[head]!; r !== head; r = this.gcNext[r]!) n++;
    return n;
  }

  /** Elements of a list, head to tail. */
  listToArray(head: number): Ref[] {
    const out: Ref[] = [];
    for (let r = this.gcNext[head]!; r !== head; r = this.gcNext[r]!) out.push(r);
    return out;
  }
}
