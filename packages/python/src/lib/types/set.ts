/**
 * set and frozenset: construction and the set algebra with CPython's table-level algorithms
 * (`set_merge`'s pre-sizing and table copy, intersection iterating the smaller set, difference's
 * copy-then-discard path and dummy cleanup), so results iterate in CPython's order.
 */
import {
  CompareOp,
  dictData,
  HASH_HI,
  hashOf,
  hashToBigInt,
  type Heap,
  Kind,
  newInt,
  newSet,
  newStr,
  type Ref,
  builtinRepr,
  setContains,
  setItems,
  setLen,
  type SetStore,
  PyException,
  newExceptionObject,
  DUMMY,
  hashFromBigInt,
} from '@heaplab/heap';
import { builtinRich, containsOp, setContainsKey } from '../compare.js';
import { registerInplaceNb, registerNb } from '../state.js';
import { checkArity, forEach, is27, methName, newRef, none, notImpl, pyBool, pyErr, tpName, typeError } from '../util.js';
import { allocOf, defineNew, method, setSlot } from './define.js';

/** Private fields of the heap's SetStore this module needs for CPython's table copy. */
interface SetTable {
  keys: Ref[];
  los: number[];
  his: number[];
  mask: number;
  fill: number;
  used: number;
  version: number;
  variant: '2.7' | '3.12';
  resize(minused: number): void;
  insertNew(key: Ref, lo: number, hi: number): void;
  find(key: Ref, lo: number, hi: number, eq: unknown): number;
  removeAt(pos: number): void;
  next(pos: number): number;
}

function table(heap: Heap, s: Ref): SetTable {
  return heap.payload[s] as unknown as SetTable;
}

function isAnySet(heap: Heap, r: Ref): boolean {
  const k = heap.kind[r];
  return k === Kind.SET || k === Kind.FROZENSET;
}

/** Add an entry with a known hash if absent (set_add_entry). */
function addEntry(heap: Heap, s: Ref, key: Ref, lo: number, hi: number): void {
  const st = table(heap, s);
  if (st.find(key, lo, hi, heap.dictEqFn) >= 0) return;
  heap.incref(key);
  st.insertNew(key, lo, hi);
}

/** Discard an entry with a known hash; true if it was present. */
function discardEntry(heap: Heap, s: Ref, key: Ref, lo: number, hi: number): boolean {
  const st = table(heap, s);
  const pos = st.find(key, lo, hi, heap.dictEqFn);
  if (pos < 0) return false;
  const k = st.keys[pos]!;
  st.removeAt(pos);
  heap.decref(k);
  return true;
}

/** `set_merge(so, other)` for a set/frozenset `other`. */
function setMerge(heap: Heap, so: Ref, other: Ref): void {
  if (other === so) return;
  const o = table(heap, other);
  if (o.used === 0) return;
  const s = table(heap, so);
  if (s.variant === '3.12') {
    if ((s.fill + o.used) * 5 >= s.mask * 3) s.resize((s.used + o.used) * 2);
    if (s.fill === 0 && s.mask === o.mask && o.fill === o.used) {
      for (let i = 0; i <= o.mask; i++) {
        const k = o.keys[i]!;
        if (k !== 0) {
          heap.incref(k);
          s.keys[i] = k;
          s.los[i] = o.los[i]!;
          s.his[i] = o.his[i]!;
        }
      }
      s.fill = o.fill;
      s.used = o.used;
      s.version++;
      return;
    }
  } else if ((s.fill + o.used) * 3 >= (s.mask + 1) * 2) s.resize((s.used + o.used) * 2);
  const entries: [Ref, number, number][] = [];
  for (let i = 0; i <= o.mask; i++) {
    const k = o.keys[i]!;
    if (k !== 0 && k !== DUMMY) entries.push([k, o.los[i]!, o.his[i]!]);
  }
  for (const [k, lo, hi] of entries) addEntry(heap, so, k, lo, hi);
}

/**
 * `set_update_internal(so, iterable)`.
 *
 * @example
 * ```ts
 * setUpdate(heap, s, toPy(heap, [1, 2])); // s.update([1, 2])
 * ```
 */
export function setUpdate(heap: Heap, so: Ref, other: Ref): void {
  if (isAnySet(heap, other)) {
    setMerge(heap, so, other);
    return;
  }
  if (heap.kind[other] === Kind.DICT && heap.typ[other] === heap.t.dict) {
    const store = dictData(heap, other).store;
    const s = table(heap, so);
    const n = store.used;
    if (s.variant === '3.12') {
      if ((s.fill + n) * 5 >= s.mask * 3) s.resize((s.used + n) * 2);
    } else if ((s.fill + n) * 3 >= (s.mask + 1) * 2) s.resize((s.used + n) * 2);
    const entries: [Ref, number, number][] = [];
    for (let p = store.next(0); p >= 0; p = store.next(p + 1)) entries.push([store.keyAt(p), store.hashLoAt(p), store.hashHiAt(p)]);
    for (const [k, lo, hi] of entries) addEntry(heap, so, k, lo, hi);
    return;
  }
  forEach(heap, other, (x) => {
    const lo = hashOf(heap, x);
    addEntry(heap, so, x, lo, HASH_HI[0]!);
  });
}

/** `make_new_set_basetype(type(so), iterable)`: an exact set or frozenset. */
function newSetLike(heap: Heap, like: Ref, iterable: Ref): Ref {
  const frozen = heap.kind[like] === Kind.FROZENSET;
  const r = newSet(heap, [], frozen);
  if (iterable !== 0) {
    try {
      setUpdate(heap, r, iterable);
    } catch (e) {
      heap.decref(r);
      throw e;
    }
  }
  return r;
}

function newSetOfClass(heap: Heap, cls: Ref, frozen: boolean): Ref {
  if (cls === heap.t.set || cls === heap.t.frozenset) return newSet(heap, [], frozen);
  const store = (heap.payload[newSet(heap, [], frozen)] as SetStore).constructor as new (v: '2.7' | '3.12') => SetStore;
  return allocOf(heap, cls, frozen ? Kind.FROZENSET : Kind.SET, new store(heap.profile.setTable));
}

function setCopy(heap: Heap, so: Ref): Ref {
  return newSetLike(heap, so, so);
}

/** `set_intersection(so, other)`. */
function intersection(heap: Heap, so: Ref, other: Ref): Ref {
  if (so === other) return setCopy(heap, so);
  const result = newSetLike(heap, so, 0);
  try {
    if (isAnySet(heap, other)) {
      let a = so;
      let b = other;
      if (setLen(heap, b) > setLen(heap, a)) [a, b] = [b, a];
      const bt = table(heap, b);
      const entries: [Ref, number, number][] = [];
      for (let i = 0; i <= bt.mask; i++) {
        const k = bt.keys[i]!;
        if (k !== 0 && k !== DUMMY) entries.push([k, bt.los[i]!, bt.his[i]!]);
      }
      for (const [k, lo, hi] of entries) {
        if (table(heap, a).find(k, lo, hi, heap.dictEqFn) >= 0) addEntry(heap, result, k, lo, hi);
      }
      return result;
    }
    forEach(heap, other, (x) => {
      const lo = hashOf(heap, x);
      const hi = HASH_HI[0]!;
      if (table(heap, so).find(x, lo, hi, heap.dictEqFn) >= 0) addEntry(heap, result, x, lo, hi);
    });
    return result;
  } catch (e) {
    heap.decref(result);
    throw e;
  }
}

/** `set_difference_update_internal(so, other)`. */
function differenceUpdate(heap: Heap, so: Ref, other: Ref): void {
  if (so === other) {
    clearSet(heap, so);
    return;
  }
  if (isAnySet(heap, other)) {
    const ot = table(heap, other);
    const entries: [Ref, number, number][] = [];
    for (let i = 0; i <= ot.mask; i++) {
      const k = ot.keys[i]!;
      if (k !== 0 && k !== DUMMY) entries.push([k, ot.los[i]!, ot.his[i]!]);
    }
    for (const [k, lo, hi] of entries) discardEntry(heap, so, k, lo, hi);
  } else {
    forEach(heap, other, (x) => {
      discardKey(heap, so, x);
    });
  }
  const s = table(heap, so);
  const tooMany = s.variant === '3.12' ? s.fill - s.used > Math.floor(s.mask / 4) : (s.fill - s.used) * 5 >= s.mask;
  if (tooMany) s.resize(s.used > 50000 ? s.used * 2 : s.used * 4);
}

function difference(heap: Heap, so: Ref, other: Ref): Ref {
  let otherSize: number;
  if (isAnySet(heap, other)) otherSize = setLen(heap, other);
  else if (heap.kind[other] === Kind.DICT && heap.typ[other] === heap.t.dict) otherSize = dictData(heap, other).store.used;
  else return copyAndDifference(heap, so, other);
  if (setLen(heap, so) >> 2 > otherSize) return copyAndDifference(heap, so, other);
  const result = newSetLike(heap, so, 0);
  try {
    const st = table(heap, so);
    const entries: [Ref, number, number][] = [];
    for (let i = 0; i <= st.mask; i++) {
      const k = st.keys[i]!;
      if (k !== 0 && k !== DUMMY) entries.push([k, st.los[i]!, st.his[i]!]);
    }
    for (const [k, lo, hi] of entries) {
      const present = heap.kind[other] === Kind.DICT ? dictData(heap, other).store.find(k, lo, hi, heap.dictEqFn) >= 0 : table(heap, other).find(k, lo, hi, heap.dictEqFn) >= 0;
      if (!present) addEntry(heap, result, k, lo, hi);
    }
    return result;
  } catch (e) {
    heap.decref(result);
    throw e;
  }
}

function copyAndDifference(heap: Heap, so: Ref, other: Ref): Ref {
  const r = setCopy(heap, so);
  try {
    differenceUpdate(heap, r, other);
  } catch (e) {
    heap.decref(r);
    throw e;
  }
  return r;
}

function symmetricDifferenceUpdate(heap: Heap, so: Ref, other: Ref): void {
  if (so === other) {
    clearSet(heap, so);
    return;
  }
  if (heap.kind[other] === Kind.DICT && heap.typ[other] === heap.t.dict) {
    const store = dictData(heap, other).store;
    const entries: [Ref, number, number][] = [];
    for (let p = store.next(0); p >= 0; p = store.next(p + 1)) entries.push([store.keyAt(p), store.hashLoAt(p), store.hashHiAt(p)]);
    for (const [k, lo, hi] of entries) if (!discardEntry(heap, so, k, lo, hi)) addEntry(heap, so, k, lo, hi);
    return;
  }
  const otherset = isAnySet(heap, other) ? newRef(heap, other) : newSetLike(heap, so, other);
  try {
    const ot = table(heap, otherset);
    const entries: [Ref, number, number][] = [];
    for (let i = 0; i <= ot.mask; i++) {
      const k = ot.keys[i]!;
      if (k !== 0 && k !== DUMMY) entries.push([k, ot.los[i]!, ot.his[i]!]);
    }
    for (const [k, lo, hi] of entries) if (!discardEntry(heap, so, k, lo, hi)) addEntry(heap, so, k, lo, hi);
  } finally {
    heap.decref(otherset);
  }
}

function symmetricDifference(heap: Heap, so: Ref, other: Ref): Ref {
  const r = newSetLike(heap, so, other);
  try {
    symmetricDifferenceUpdate(heap, r, so);
  } catch (e) {
    heap.decref(r);
    throw e;
  }
  return r;
}

function clearSet(heap: Heap, s: Ref): void {
  const taken = (heap.payload[s] as SetStore).takeAll();
  for (const k of taken) heap.decref(k);
}

/** A KeyError for a missing set member. */
function setKeyError(heap: Heap, key: Ref): PyException {
  const exc = newExceptionObject(heap, heap.t.KeyError, [key]);
  return new PyException(exc, 'KeyError');
}

/** Hash a set member, retrying an unhashable set as a frozenset (CPython's set_discard/remove). */
function discardKey(heap: Heap, s: Ref, key: Ref): boolean {
  let tmp = 0;
  let k = key;
  let lo: number;
  try {
    lo = hashOf(heap, key);
  } catch (e) {
    if (heap.kind[key] !== Kind.SET || !heap.isExceptionOf(e, heap.t.TypeError)) throw e;
    heap.decref(e.exc);
    tmp = newSet(heap, setItems(heap, key), true);
    k = tmp;
    lo = hashOf(heap, tmp);
  }
  try {
    return discardEntry(heap, s, k, lo, HASH_HI[0]!);
  } finally {
    if (tmp !== 0) heap.decref(tmp);
  }
}

function binop(f: (heap: Heap, a: Ref, b: Ref) => Ref) {
  return (heap: Heap, a: Ref, b: Ref): Ref => {
    if (!isAnySet(heap, a) || !isAnySet(heap, b)) return notImpl(heap);
    return f(heap, a, b);
  };
}

function union(heap: Heap, a: Ref, b: Ref): Ref {
  const r = setCopy(heap, a);
  if (a === b) return r;
  try {
    setUpdate(heap, r, b);
  } catch (e) {
    heap.decref(r);
    throw e;
  }
  return r;
}

/** Swap the tables of two sets (`set_swap_bodies`). */
function swapBodies(heap: Heap, a: Ref, b: Ref): void {
  const t = heap.payload[a];
  heap.payload[a] = heap.payload[b];
  heap.payload[b] = t;
}

function isSubsetOf(heap: Heap, so: Ref, other: Ref): boolean {
  let tmp = 0;
  let o = other;
  if (!isAnySet(heap, other)) {
    tmp = newSet(heap, [], false);
    try {
      setUpdate(heap, tmp, other);
    } catch (e) {
      heap.decref(tmp);
      throw e;
    }
    o = tmp;
  }
  try {
    if (setLen(heap, so) > setLen(heap, o)) return false;
    for (const k of setItems(heap, so)) if (!setContains(heap, o, k)) return false;
    return true;
  } finally {
    if (tmp !== 0) heap.decref(tmp);
  }
}

/** CPython 2.7's `frozenset_hash` (64-bit C long arithmetic). */
function frozensetHash27(heap: Heap, fs: Ref): number {
  const store = heap.payload[fs] as SetStore;
  const M = (1n << 64n) - 1n;
  let hash = (1927868237n * BigInt(store.used + 1)) & M;
  for (let p = store.next(0); p >= 0; p = store.next(p + 1)) {
    const h = hashToBigInt(store.hashLoAt(p), store.hashHiAt(p)) & M;
    hash ^= ((h ^ ((h << 16n) & M) ^ 89869747n) * 3644798167n) & M;
  }
  hash = (hash * 69069n + 907133923n) & M;
  let signed = BigInt.asIntN(64, hash);
  if (signed === -1n) signed = 590923713n;
  return hashFromBigInt(signed);
}

/**
 * Install set and frozenset.
 *
 * @example
 * ```ts
 * installSetTypes(heap); // (installBuiltinTypes does this)
 * ```
 */
export function installSetTypes(heap: Heap): void {
  const t = heap.t;
  const v27 = is27(heap);
  for (const [type, frozen] of [
    [t.set, false],
    [t.frozenset, true],
  ] as const) {
    const tn = frozen ? 'frozenset' : 'set';
    const mn = (n: string) => methName(heap, tn, n);
    const ops = {
      BitOr: binop(union),
      BitAnd: binop(intersection),
      Sub: binop(difference),
      BitXor: binop(symmetricDifference),
    };
    registerNb(heap, type, ops);
    for (const [name, f] of [
      ['__or__', ops.BitOr],
      ['__and__', ops.BitAnd],
      ['__sub__', ops.Sub],
      ['__xor__', ops.BitXor],
    ] as const) {
      method(heap, type, name, (h, self, args, kw) => {
        checkArity(h, name, args, kw, 1, 1, 'one');
        return f(h, self, args[0]!);
      });
      method(heap, type, `__r${name.slice(2)}`, (h, self, args, kw) => {
        checkArity(h, name, args, kw, 1, 1, 'one');
        return f(h, args[0]!, self);
      });
    }
    method(heap, type, 'union', (h, self, args, kw) => {
      if (kw !== null && kw.length > 0) throw typeError(h, `${mn('union')}() takes no keyword arguments`);
      const r = setCopy(h, self);
      try {
        for (const o of args) setUpdate(h, r, o);
      } catch (e) {
        h.decref(r);
        throw e;
      }
      return r;
    });
    method(heap, type, 'intersection', (h, self, args, kw) => {
      if (kw !== null && kw.length > 0) throw typeError(h, `${mn('intersection')}() takes no keyword arguments`);
      if (args.length === 0) return setCopy(h, self);
      let r = newRef(h, self);
      for (const o of args) {
        try {
          const n = intersection(h, r, o);
          h.decref(r);
          r = n;
        } catch (e) {
          h.decref(r);
          throw e;
        }
      }
      return r;
    });
    method(heap, type, 'difference', (h, self, args, kw) => {
      if (kw !== null && kw.length > 0) throw typeError(h, `${mn('difference')}() takes no keyword arguments`);
      if (args.length === 0) return setCopy(h, self);
      let r = difference(h, self, args[0]!);
      try {
        for (const o of args.slice(1)) differenceUpdate(h, r, o);
      } catch (e) {
        h.decref(r);
        throw e;
      }
      void r;
      return r;
    });
    method(heap, type, 'symmetric_difference', (h, self, args, kw) => {
      checkArity(h, mn('symmetric_difference'), args, kw, 1, 1, 'one');
      return symmetricDifference(h, self, args[0]!);
    });
    method(heap, type, 'issubset', (h, self, args, kw) => {
      checkArity(h, mn('issubset'), args, kw, 1, 1, 'one');
      return pyBool(h, isSubsetOf(h, self, args[0]!));
    });
    method(heap, type, 'issuperset', (h, self, args, kw) => {
      checkArity(h, mn('issuperset'), args, kw, 1, 1, 'one');
      const o = args[0]!;
      if (isAnySet(h, o)) return pyBool(h, isSubsetOf(h, o, self));
      let ok = true;
      forEach(h, o, (x) => {
        if (!setContainsKey(h, self, x)) {
          ok = false;
          return false;
        }
        return true;
      });
      return pyBool(h, ok);
    });
    method(heap, type, 'isdisjoint', (h, self, args, kw) => {
      checkArity(h, mn('isdisjoint'), args, kw, 1, 1, 'one');
      const o = args[0]!;
      let ok = true;
      if (isAnySet(h, o)) {
        let [a, b] = [self, o];
        if (setLen(h, a) > setLen(h, b)) [a, b] = [b, a];
        for (const k of setItems(h, a)) if (setContains(h, b, k)) return pyBool(h, false);
        return pyBool(h, true);
      }
      forEach(h, o, (x) => {
        if (setContains(h, self, x)) {
          ok = false;
          return false;
        }
        return true;
      });
      return pyBool(h, ok);
    });
    method(heap, type, 'copy', (h, self, args, kw) => {
      checkArity(h, mn('copy'), args, kw, 0, 0, 'none');
      if (frozen && h.typ[self] === h.t.frozenset) return newRef(h, self);
      return setCopy(h, self);
    });
    method(heap, type, '__contains__', (h, self, args, kw) => {
      checkArity(h, '__contains__', args, kw, 1, 1, 'one');
      return pyBool(h, setContainsKey(h, self, args[0]!));
    });
    method(heap, type, '__len__', (h, self) => newInt(h, setLen(h, self)));
    setSlot(heap, type, 'len', (h, self) => setLen(h, self));
    method(heap, type, '__repr__', (h, self) => newStr(h, builtinRepr(h, self)));
    ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'].forEach((name, op) => {
      method(heap, type, name, (h, self, args, kw) => {
        checkArity(h, name, args, kw, 1, 1, 'one');
        return builtinRich(h, self, args[0]!, op as CompareOp);
      });
    });
    setSlot(heap, type, 'richcompare', (h, a, b, op) => {
      if (!isAnySet(h, b)) {
        if (v27 && op === CompareOp.EQ) return pyBool(h, false);
        if (v27 && op === CompareOp.NE) return pyBool(h, true);
        return notImpl(h);
      }
      return builtinRich(h, a, b, op);
    });
  }

  // ---- set only ----------------------------------------------------------------------------------
  const S = t.set;
  const mn = (n: string) => methName(heap, 'set', n);
  defineNew(heap, S, (h, cls) => newSetOfClass(h, cls, false));
  method(heap, S, '__init__', (h, self, args, kw) => {
    if (kw !== null && kw.length > 0) throw typeError(h, 'set() takes no keyword arguments');
    checkArity(h, 'set', args, kw, 0, 1, v27 ? 'unpack' : 'unpack');
    clearSet(h, self);
    if (args.length > 0) setUpdate(h, self, args[0]!);
    return none(h);
  });
  method(heap, S, 'add', (h, self, args, kw) => {
    checkArity(h, mn('add'), args, kw, 1, 1, 'one');
    const lo = hashOf(h, args[0]!);
    addEntry(h, self, args[0]!, lo, HASH_HI[0]!);
    return none(h);
  });
  method(heap, S, 'remove', (h, self, args, kw) => {
    checkArity(h, mn('remove'), args, kw, 1, 1, 'one');
    if (!discardKey(h, self, args[0]!)) throw setKeyError(h, args[0]!);
    return none(h);
  });
  method(heap, S, 'discard', (h, self, args, kw) => {
    checkArity(h, mn('discard'), args, kw, 1, 1, 'one');
    discardKey(h, self, args[0]!);
    return none(h);
  });
  method(heap, S, 'pop', (h, self, args, kw) => {
    checkArity(h, mn('pop'), args, kw, 0, 0, 'none');
    const store = h.payload[self] as SetStore;
    const p = store.popSlot();
    if (p < 0) throw pyErr(h, h.t.KeyError, 'pop from an empty set');
    const k = store.keyAt(p);
    store.removeAt(p);
    return k;
  });
  method(heap, S, 'clear', (h, self, args, kw) => {
    checkArity(h, mn('clear'), args, kw, 0, 0, 'none');
    clearSet(h, self);
    return none(h);
  });
  method(heap, S, 'update', (h, self, args, kw) => {
    if (kw !== null && kw.length > 0) throw typeError(h, `${mn('update')}() takes no keyword arguments`);
    for (const o of args) setUpdate(h, self, o);
    return none(h);
  });
  method(heap, S, 'intersection_update', (h, self, args, kw) => {
    if (kw !== null && kw.length > 0) throw typeError(h, `${mn('intersection_update')}() takes no keyword arguments`);
    let r = newRef(h, self);
    for (const o of args) {
      try {
        const n = intersection(h, r, o);
        h.decref(r);
        r = n;
      } catch (e) {
        h.decref(r);
        throw e;
      }
    }
    swapBodies(h, self, r);
    h.decref(r);
    return none(h);
  });
  method(heap, S, 'difference_update', (h, self, args, kw) => {
    if (kw !== null && kw.length > 0) throw typeError(h, `${mn('difference_update')}() takes no keyword arguments`);
    for (const o of args) differenceUpdate(h, self, o);
    return none(h);
  });
  method(heap, S, 'symmetric_difference_update', (h, self, args, kw) => {
    checkArity(h, mn('symmetric_difference_update'), args, kw, 1, 1, 'one');
    symmetricDifferenceUpdate(h, self, args[0]!);
    return none(h);
  });
  const iops = {
    BitOr: (h: Heap, a: Ref, b: Ref) => {
      if (!isAnySet(h, b)) return notImpl(h);
      setUpdate(h, a, b);
      return newRef(h, a);
    },
    BitAnd: (h: Heap, a: Ref, b: Ref) => {
      if (!isAnySet(h, b)) return notImpl(h);
      const r = intersection(h, a, b);
      swapBodies(h, a, r);
      h.decref(r);
      return newRef(h, a);
    },
    Sub: (h: Heap, a: Ref, b: Ref) => {
      if (!isAnySet(h, b)) return notImpl(h);
      differenceUpdate(h, a, b);
      return newRef(h, a);
    },
    BitXor: (h: Heap, a: Ref, b: Ref) => {
      if (!isAnySet(h, b)) return notImpl(h);
      symmetricDifferenceUpdate(h, a, b);
      return newRef(h, a);
    },
  };
  registerInplaceNb(heap, S, iops);
  for (const [name, f] of [
    ['__ior__', iops.BitOr],
    ['__iand__', iops.BitAnd],
    ['__isub__', iops.Sub],
    ['__ixor__', iops.BitXor],
  ] as const) {
    method(heap, S, name, (h, self, args, kw) => {
      checkArity(h, name, args, kw, 1, 1, 'one');
      return f(h, self, args[0]!);
    });
  }

  // ---- frozenset only ----------------------------------------------------------------------------
  const F = t.frozenset;
  defineNew(heap, F, (h, cls, args, kw) => {
    if (kw !== null && kw.length > 0) throw typeError(h, 'frozenset() takes no keyword arguments');
    checkArity(h, 'frozenset', args, kw, 0, 1, 'unpack');
    if (args.length > 0 && cls === h.t.frozenset && h.typ[args[0]!] === h.t.frozenset) return newRef(h, args[0]!);
    const r = newSetOfClass(h, cls, true);
    if (args.length > 0) {
      try {
        setUpdate(h, r, args[0]!);
      } catch (e) {
        h.decref(r);
        throw e;
      }
    }
    return r;
  });
  method(heap, F, '__hash__', (h, self) => newInt(h, hashToBigInt(hashOf(h, self), HASH_HI[0]!)));
  if (v27) setSlot(heap, F, 'hash', frozensetHash27);
  void tpName;
  void containsOp;
}
