/**
 * Dict hash tables: the storage behind `dict` objects, in both of CPython's designs.
 *
 * - `TableDict` is CPython 2.7's table: one array of (hash, key, value) slots, open addressing
 *   with perturbation, deleted entries left as "dummy" markers, grown to 4x the live count when
 *   two thirds full. Iteration walks the slots, so the order is the *table* order.
 * - `CompactDict` is CPython 3.6+'s compact dict: entries in insertion order plus a sparse index
 *   table. Iteration walks the entries, so the order is insertion order.
 *
 * The storage knows nothing about refcounts or Python equality: callers pass an `eq` function
 * (identity has already been checked) and handle increfs/decrefs. Positions returned by `find`
 * are stable until the next insertion or resize.
 */
import type { Ref } from './ref.js';

/** Equality callback: `true` if `a == b` in Python's sense. May run Python code. */
export type EqFn = (a: Ref, b: Ref) => boolean;

/** Marker for a deleted slot in `TableDict` (a key value no real object has). */
export const DUMMY = -1;

const PERTURB_SHIFT = 5;
const TWO32 = 4294967296;

/** Common interface of both table designs. */
export interface DictStore {
  /** Number of live entries. */
  readonly used: number;
  /** Bumped on every structural change (insert/delete/clear/resize). */
  readonly version: number;
  /** Position of `key`, or -1. */
  find(key: Ref, lo: number, hi: number, eq: EqFn | null): number;
  /** Insert a key known to be absent. */
  insertNew(key: Ref, lo: number, hi: number, value: Ref): void;
  /** Remove the live entry at `pos` (the caller releases key and value). */
  removeAt(pos: number): void;
  keyAt(pos: number): Ref;
  valueAt(pos: number): Ref;
  hashLoAt(pos: number): number;
  hashHiAt(pos: number): number;
  setValueAt(pos: number, value: Ref): void;
  /** First live position at or after `pos`, or -1. Iterate with `for (p = d.next(0); p >= 0; p = d.next(p + 1))`. */
  next(pos: number): number;
  /** Position of the most recently inserted live entry (for popitem), or -1. */
  last(): number;
  /** Drop all entries, returning the (key, value) pairs in release order. `reset: false` for a dict being freed. */
  takeAll(reset?: boolean): Ref[];
  /** A storage of the same design pre-sized for `n` entries. */
  emptyLike(n: number): DictStore;
}

/** Advance a probe: i = i*5 + perturb + 1, computed modulo 2^32 (only low bits are used). */
function shiftPerturb(st: Int32Array): void {
  // st[0] = perturb lo, st[1] = perturb hi (unsigned 64-bit value), logical shift right by 5.
  const lo = st[0]! >>> 0;
  const hi = st[1]! >>> 0;
  st[0] = ((lo >>> PERTURB_SHIFT) | (hi << (32 - PERTURB_SHIFT))) | 0;
  st[1] = (hi >>> PERTURB_SHIFT) | 0;
}

const probe = new Int32Array(2);

// ============================================================================================
// 2.7: TableDict
// ============================================================================================

/**
 * CPython 2.7 dict table.
 *
 * @example
 * ```ts
 * import { TableDict } from '@heaplab/heap';
 * const d = new TableDict(0);
 * d.insertNew(5, 1, 0, 6);   // key ref 5 with hash 1
 * d.find(5, 1, 0, null);     // 1 (slot index = hash & mask)
 * ```
 */
export class TableDict implements DictStore {
  /** Slots, 4 numbers each: key (0 empty, DUMMY deleted), value, hash lo, hash hi. */
  private t: number[];
  private mask: number;
  private fill = 0;
  used = 0;
  version = 0;

  constructor(presize: number) {
    let size = 8;
    // _PyDict_NewPresized: only sizes above 5 change the table.
    if (presize > 5) while (size <= presize) size <<= 1;
    this.mask = size - 1;
    this.t = TableDict.emptyTable(size);
  }

  private static emptyTable(size: number): number[] {
    if (size === 8) return [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const t: number[] = [];
    for (let i = 0; i < size * 4; i++) t.push(0);
    return t;
  }

  emptyLike(n: number): DictStore {
    return new TableDict(n);
  }

  find(key: Ref, lo: number, hi: number, eq: EqFn | null): number {
    for (;;) {
      const mask = this.mask;
      const t = this.t;
      let iLow = (lo >>> 0) & mask;
      let i = iLow;
      probe[0] = lo;
      probe[1] = hi;
      for (;;) {
        const k = t[i * 4]!;
        if (k === 0) return -1;
        if (k === key) return i;
        if (k !== DUMMY && t[i * 4 + 2] === lo && t[i * 4 + 3] === hi && eq !== null) {
          const same = eq(k, key);
          // lookdict starts over only when the compare replaced the table or this slot's key
          // (`ep0 == mp->ma_table && ep->me_key == startkey`), not for any mutation.
          if (this.t !== t || t[i * 4] !== k) break;
          if (same) return i;
        }
        iLow = ((iLow * 5) % TWO32 + (probe[0]! >>> 0) + 1) % TWO32;
        i = iLow & mask;
        shiftPerturb(probe);
      }
    }
  }

  /** First empty-or-dummy slot on the probe path: where lookdict would insert an absent key. */
  private insertSlot(lo: number, hi: number, noDummies: boolean): number {
    const mask = this.mask;
    const t = this.t;
    let iLow = (lo >>> 0) & mask;
    let i = iLow;
    probe[0] = lo;
    probe[1] = hi;
    for (;;) {
      const k = t[i * 4]!;
      if (k === 0 || (!noDummies && k === DUMMY)) return i;
      iLow = ((iLow * 5) % TWO32 + (probe[0]! >>> 0) + 1) % TWO32;
      i = iLow & mask;
      shiftPerturb(probe);
    }
  }

  insertNew(key: Ref, lo: number, hi: number, value: Ref): void {
    const i = this.insertSlot(lo, hi, false);
    const t = this.t;
    if (t[i * 4] === 0) this.fill++;
    t[i * 4] = key;
    t[i * 4 + 1] = value;
    t[i * 4 + 2] = lo;
    t[i * 4 + 3] = hi;
    this.used++;
    this.version++;
    // PyDict_SetItem: grow when a new key pushed fill to 2/3 of the table.
    if (this.fill * 3 >= (this.mask + 1) * 2) this.resize((this.used > 50000 ? 2 : 4) * this.used);
  }

  /** dictresize: smallest power of two > minused (at least 8); live entries re-inserted in slot order. */
  resize(minused: number): void {
    let size = 8;
    while (size <= minused) size <<= 1;
    const old = this.t;
    this.mask = size - 1;
    this.t = TableDict.emptyTable(size);
    this.fill = 0;
    this.used = 0;
    for (let j = 0; j < old.length; j += 4) {
      const k = old[j]!;
      if (k === 0 || k === DUMMY) continue;
      const i = this.insertSlot(old[j + 2]!, old[j + 3]!, true);
      const t = this.t;
      t[i * 4] = k;
      t[i * 4 + 1] = old[j + 1]!;
      t[i * 4 + 2] = old[j + 2]!;
      t[i * 4 + 3] = old[j + 3]!;
      this.fill++;
      this.used++;
    }
    this.version++;
  }

  /** `PyDict_Merge` pre-sizing: room for `extra` more keys. */
  reserveForMerge(extra: number): void {
    if ((this.fill + extra) * 3 >= (this.mask + 1) * 2) this.resize((this.used + extra) * 2);
  }

  removeAt(pos: number): void {
    this.t[pos * 4] = DUMMY;
    this.t[pos * 4 + 1] = 0;
    this.used--;
    this.version++;
  }

  keyAt(pos: number): Ref {
    return this.t[pos * 4]!;
  }
  valueAt(pos: number): Ref {
    return this.t[pos * 4 + 1]!;
  }
  hashLoAt(pos: number): number {
    return this.t[pos * 4 + 2]!;
  }
  hashHiAt(pos: number): number {
    return this.t[pos * 4 + 3]!;
  }
  setValueAt(pos: number, value: Ref): void {
    this.t[pos * 4 + 1] = value;
  }

  next(pos: number): number {
    const t = this.t;
    for (let i = pos; i <= this.mask; i++) {
      const k = t[i * 4]!;
      if (k !== 0 && k !== DUMMY) return i;
    }
    return -1;
  }

  last(): number {
    // 2.7 popitem scans from slot 0; callers needing exact popitem use their own finger.
    return this.next(0);
  }

  takeAll(reset = true): Ref[] {
    const out: Ref[] = [];
    const t = this.t;
    for (let j = 0; j < t.length; j += 4) {
      const k = t[j]!;
      if (k !== 0 && k !== DUMMY) out.push(k, t[j + 1]!);
    }
    // EMPTY_TO_MINSIZE (a dying dict skips the fresh table).
    this.mask = 7;
    this.t = reset ? TableDict.emptyTable(8) : DEAD_TABLE;
    this.fill = 0;
    this.used = 0;
    this.version++;
    return out;
  }

  /** Table size (mask + 1), for tests. */
  get tableSize(): number {
    return this.mask + 1;
  }
}

/** The table a freed dict is left with (never written). */
const DEAD_TABLE: number[] = new Array(32).fill(0);

// ============================================================================================
// 3.x: CompactDict
// ============================================================================================

const DKIX_EMPTY = -1;
const DKIX_DUMMY = -2;
const DEAD_INDICES: number[] = [-1, -1, -1, -1, -1, -1, -1, -1];

function emptyIndices(size: number): number[] {
  if (size === 8) return [-1, -1, -1, -1, -1, -1, -1, -1];
  const a: number[] = [];
  for (let i = 0; i < size; i++) a.push(DKIX_EMPTY);
  return a;
}

/**
 * CPython 3.6+ compact dict: insertion-ordered entries plus a sparse index table.
 *
 * @example
 * ```ts
 * import { CompactDict } from '@heaplab/heap';
 * const d = new CompactDict(0);
 * d.insertNew(7, 3, 0, 8);
 * d.keyAt(d.next(0)); // 7
 * ```
 */
export class CompactDict implements DictStore {
  private indices: number[];
  private keys: Ref[] = [];
  private values: Ref[] = [];
  private los: number[] = [];
  private his: number[] = [];
  private usable: number;
  used = 0;
  version = 0;

  constructor(presize: number) {
    let size = 8;
    // USABLE_FRACTION(n) = 2n/3: pick a table whose usable part holds presize.
    while (((size << 1) / 3 | 0) < presize) size <<= 1;
    this.indices = emptyIndices(size);
    this.usable = ((size << 1) / 3) | 0;
  }

  emptyLike(n: number): DictStore {
    return new CompactDict(n);
  }

  find(key: Ref, lo: number, hi: number, eq: EqFn | null): number {
    for (;;) {
      const indices = this.indices;
      const mask = indices.length - 1;
      let iLow = (lo >>> 0) & mask;
      let i = iLow;
      probe[0] = lo;
      probe[1] = hi;
      let restart = false;
      for (;;) {
        const ix = indices[i]!;
        if (ix === DKIX_EMPTY) return -1;
        if (ix >= 0) {
          const k = this.keys[ix]!;
          if (k === key) return ix;
          if (this.los[ix] === lo && this.his[ix] === hi && eq !== null) {
            const same = eq(k, key);
            // dictkeys_generic_lookup restarts only when the compare replaced the keys table or
            // this entry's key (`dk == mp->ma_keys && ep->me_key == startkey`), not for any
            // mutation (deleting another key, inserting without a resize).
            if (this.indices !== indices || this.keys[ix] !== k) {
              restart = true;
              break;
            }
            if (same) return ix;
          }
        }
        shiftPerturb(probe);
        iLow = ((iLow * 5) % TWO32 + (probe[0]! >>> 0) + 1) % TWO32;
        i = iLow & mask;
      }
      if (!restart) return -1;
    }
  }

  private freeIndexSlot(lo: number, hi: number): number {
    const indices = this.indices;
    const mask = indices.length - 1;
    let iLow = (lo >>> 0) & mask;
    let i = iLow;
    probe[0] = lo;
    probe[1] = hi;
    while (indices[i]! >= 0) {
      shiftPerturb(probe);
      iLow = ((iLow * 5) % TWO32 + (probe[0]! >>> 0) + 1) % TWO32;
      i = iLow & mask;
    }
    return i;
  }

  insertNew(key: Ref, lo: number, hi: number, value: Ref): void {
    if (this.usable <= 0) this.resize(this.used * 3);
    const slot = this.freeIndexSlot(lo, hi);
    const ix = this.keys.length;
    this.indices[slot] = ix;
    this.keys.push(key);
    this.values.push(value);
    this.los.push(lo);
    this.his.push(hi);
    this.used++;
    this.usable--;
    this.version++;
  }

  private resize(minsize: number): void {
    let size = 8;
    while (size < minsize) size <<= 1;
    const oldKeys = this.keys;
    const oldValues = this.values;
    const oldLos = this.los;
    const oldHis = this.his;
    this.indices = emptyIndices(size);
    this.keys = [];
    this.values = [];
    this.los = [];
    this.his = [];
    for (let j = 0; j < oldKeys.length; j++) {
      const k = oldKeys[j]!;
      if (k === 0) continue;
      const slot = this.freeIndexSlot(oldLos[j]!, oldHis[j]!);
      this.indices[slot] = this.keys.length;
      this.keys.push(k);
      this.values.push(oldValues[j]!);
      this.los.push(oldLos[j]!);
      this.his.push(oldHis[j]!);
    }
    this.usable = (((size << 1) / 3) | 0) - this.keys.length;
    this.version++;
  }

  removeAt(pos: number): void {
    // Find the index slot pointing at entry `pos` and mark it dummy.
    const indices = this.indices;
    const mask = indices.length - 1;
    const lo = this.los[pos]!;
    let iLow = (lo >>> 0) & mask;
    let i = iLow;
    probe[0] = lo;
    probe[1] = this.his[pos]!;
    while (indices[i] !== pos) {
      shiftPerturb(probe);
      iLow = ((iLow * 5) % TWO32 + (probe[0]! >>> 0) + 1) % TWO32;
      i = iLow & mask;
    }
    indices[i] = DKIX_DUMMY;
    this.keys[pos] = 0;
    this.values[pos] = 0;
    this.used--;
    this.version++;
  }

  keyAt(pos: number): Ref {
    return this.keys[pos]!;
  }
  valueAt(pos: number): Ref {
    return this.values[pos]!;
  }
  hashLoAt(pos: number): number {
    return this.los[pos]!;
  }
  hashHiAt(pos: number): number {
    return this.his[pos]!;
  }
  setValueAt(pos: number, value: Ref): void {
    this.values[pos] = value;
  }

  next(pos: number): number {
    const keys = this.keys;
    for (let i = pos; i < keys.length; i++) if (keys[i] !== 0) return i;
    return -1;
  }

  last(): number {
    for (let i = this.keys.length - 1; i >= 0; i--) if (this.keys[i] !== 0) return i;
    return -1;
  }

  takeAll(reset = true): Ref[] {
    const out: Ref[] = [];
    for (let i = 0; i < this.keys.length; i++) {
      const k = this.keys[i]!;
      if (k !== 0) out.push(k, this.values[i]!);
    }
    this.indices = reset ? emptyIndices(8) : DEAD_INDICES;
    this.keys = [];
    this.values = [];
    this.los = [];
    this.his = [];
    this.usable = 5;
    this.used = 0;
    this.version++;
    return out;
  }
}
