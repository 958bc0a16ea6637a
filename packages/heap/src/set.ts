/**
 * Set hash tables (the storage behind `set` and `frozenset`), iterating in table order as CPython
 * does — so `print({3, 1, 2})` prints what CPython prints.
 *
 * Two variants of CPython's `setobject.c`:
 * - `'2.7'`: probe `i = 5*i + perturb + 1` (perturb then shifted), grow when fill reaches 2/3,
 *   an insertion reuses the first dummy on its path.
 * - `'3.12'`: first scan up to 9 neighbouring slots linearly ("LINEAR_PROBES"), then perturb;
 *   grow when fill reaches 3/5 of the mask.
 * Both grow to 4x the live count (2x above 50,000) and re-insert in old-table order.
 */
import { DUMMY, type EqFn } from './dict.js';
import type { Ref } from './ref.js';

const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5;
const TWO32 = 4294967296;

/**
 * A set's hash table.
 *
 * @example
 * ```ts
 * import { SetStore } from '@heaplab/heap';
 * const s = new SetStore('3.12');
 * s.insertNew(11, 3, 0); // key ref 11 whose hash is 3
 * s.next(0);             // 3: the slot it landed in
 * ```
 */
export class SetStore {
  private keys: Ref[];
  private los: number[];
  private his: number[];
  private mask = 7;
  private fill = 0;
  used = 0;
  version = 0;
  /** Where `pop()` resumes scanning (CPython's `finger`). */
  finger = 0;

  constructor(readonly variant: '2.7' | '3.12') {
    this.keys = new Array<Ref>(8).fill(0);
    this.los = new Array<number>(8).fill(0);
    this.his = new Array<number>(8).fill(0);
  }

  /** Position of `key`, or -1. */
  find(key: Ref, lo: number, hi: number, eq: EqFn | null): number {
    outer: for (;;) {
      const version = this.version;
      const mask = this.mask;
      let pLo = lo >>> 0;
      let pHi = hi >>> 0;
      let iLow = (lo >>> 0) & mask;
      for (;;) {
        let i = iLow & mask;
        let probes = this.variant === '3.12' ? (i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0) : 0;
        for (;;) {
          const k = this.keys[i]!;
          if (k === 0) return -1;
          if (k === key) return i;
          if (k !== DUMMY && this.los[i] === lo && this.his[i] === hi && eq !== null) {
            const same = eq(k, key);
            if (this.version !== version || this.keys[i] !== k) continue outer;
            if (same) return i;
          }
          if (probes-- <= 0) break;
          i++;
        }
        if (this.variant === '3.12') {
          pLo = ((pLo >>> PERTURB_SHIFT) | (pHi << (32 - PERTURB_SHIFT))) >>> 0;
          pHi = pHi >>> PERTURB_SHIFT;
          iLow = ((iLow * 5) % TWO32 + 1 + pLo) % TWO32 & mask;
        } else {
          iLow = ((iLow * 5) % TWO32 + pLo + 1) % TWO32;
          pLo = ((pLo >>> PERTURB_SHIFT) | (pHi << (32 - PERTURB_SHIFT))) >>> 0;
          pHi = pHi >>> PERTURB_SHIFT;
        }
      }
    }
  }

  /** The slot an absent key goes to: first empty, or a dummy passed on the way. */
  private insertSlot(lo: number, hi: number, clean: boolean): number {
    const mask = this.mask;
    let pLo = lo >>> 0;
    let pHi = hi >>> 0;
    let iLow = (lo >>> 0) & mask;
    let freeslot = -1;
    for (;;) {
      let i = iLow & mask;
      let probes = this.variant === '3.12' ? (i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0) : 0;
      for (;;) {
        const k = this.keys[i]!;
        if (k === 0) return freeslot >= 0 ? freeslot : i;
        if (!clean && k === DUMMY) {
          // 2.7 keeps the first dummy seen; 3.12's loop overwrites freeslot with each dummy.
          if (this.variant === '3.12' || freeslot < 0) freeslot = i;
        }
        if (probes-- <= 0) break;
        i++;
      }
      if (this.variant === '3.12') {
        pLo = ((pLo >>> PERTURB_SHIFT) | (pHi << (32 - PERTURB_SHIFT))) >>> 0;
        pHi = pHi >>> PERTURB_SHIFT;
        iLow = ((iLow * 5) % TWO32 + 1 + pLo) % TWO32 & mask;
      } else {
        iLow = ((iLow * 5) % TWO32 + pLo + 1) % TWO32;
        pLo = ((pLo >>> PERTURB_SHIFT) | (pHi << (32 - PERTURB_SHIFT))) >>> 0;
        pHi = pHi >>> PERTURB_SHIFT;
      }
    }
  }

  /** Insert a key known to be absent. */
  insertNew(key: Ref, lo: number, hi: number): void {
    const i = this.insertSlot(lo, hi, false);
    const wasEmpty = this.keys[i] === 0;
    this.keys[i] = key;
    this.los[i] = lo;
    this.his[i] = hi;
    this.used++;
    this.version++;
    if (!wasEmpty) return; // reused a dummy: no growth check
    this.fill++;
    const grow =
      this.variant === '3.12' ? this.fill * 5 >= this.mask * 3 : this.fill * 3 >= (this.mask + 1) * 2;
    if (grow) this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
  }

  /** set_table_resize: smallest power of two > minused (at least 8), re-insert in slot order. */
  resize(minused: number): void {
    let size = 8;
    while (size <= minused) size <<= 1;
    const oldKeys = this.keys;
    const oldLos = this.los;
    const oldHis = this.his;
    this.mask = size - 1;
    this.keys = new Array<Ref>(size).fill(0);
    this.los = new Array<number>(size).fill(0);
    this.his = new Array<number>(size).fill(0);
    this.fill = 0;
    this.used = 0;
    for (let j = 0; j < oldKeys.length; j++) {
      const k = oldKeys[j]!;
      if (k === 0 || k === DUMMY) continue;
      const i = this.insertSlot(oldLos[j]!, oldHis[j]!, true);
      this.keys[i] = k;
      this.los[i] = oldLos[j]!;
      this.his[i] = oldHis[j]!;
      this.fill++;
      this.used++;
    }
    this.version++;
  }

  /** Remove the live key at `pos` (the caller releases it). */
  removeAt(pos: number): void {
    this.keys[pos] = DUMMY;
    this.los[pos] = -1;
    this.his[pos] = -1;
    this.used--;
    this.version++;
  }

  keyAt(pos: number): Ref {
    return this.keys[pos]!;
  }
  hashLoAt(pos: number): number {
    return this.los[pos]!;
  }
  hashHiAt(pos: number): number {
    return this.his[pos]!;
  }

  /** First live slot at or after `pos`, or -1. */
  next(pos: number): number {
    const keys = this.keys;
    for (let i = pos; i <= this.mask; i++) {
      const k = keys[i]!;
      if (k !== 0 && k !== DUMMY) return i;
    }
    return -1;
  }

  /** Slot `pop()` takes: scanning from the finger, wrapping around. -1 when empty. */
  popSlot(): number {
    if (this.used === 0) return -1;
    let i = this.finger & this.mask;
    for (;;) {
      const k = this.keys[i]!;
      if (k !== 0 && k !== DUMMY) break;
      i++;
      if (i > this.mask) i = 0;
    }
    this.finger = i + 1;
    return i;
  }

  /** Empty the table, returning the keys in release (slot) order. */
  takeAll(): Ref[] {
    const out: Ref[] = [];
    for (let i = 0; i <= this.mask; i++) {
      const k = this.keys[i]!;
      if (k !== 0 && k !== DUMMY) out.push(k);
    }
    this.mask = 7;
    this.keys = new Array<Ref>(8).fill(0);
    this.los = new Array<number>(8).fill(0);
    this.his = new Array<number>(8).fill(0);
    this.fill = 0;
    this.used = 0;
    this.version++;
    return out;
  }

  /** Table size, for tests. */
  get tableSize(): number {
    return this.mask + 1;
  }
}
