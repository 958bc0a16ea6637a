/**
 * Constructors and accessors for the builtin object kinds: ints, floats, strings, tuples, lists,
 * dicts, sets, cells, modules.
 *
 * Ownership (see docs/ARCHITECTURE.md): `new*` return new references; `*Borrow*`/`get*` return
 * borrowed ones; item arrays passed to constructors are increfed unless the function is `*Steal`.
 *
 * Tracking follows CPython: lists, sets and runtime tuples are tracked at creation; a dict is
 * born untracked and becomes tracked when a key or value that *may be tracked* is stored in it
 * (`MAINTAIN_TRACKING`).
 */
import { CompactDict, type DictStore, TableDict } from './dict.js';
import type { Heap } from './heap.js';
import { Flag, Kind } from './kinds.js';
import { hashOf } from './protocol.js';
import type { Ref } from './ref.js';
import { SetStore } from './set.js';
import { HASH_HI, strHash27, strHashRandomized } from './hash.js';
import { TypeFlag, type TypeData } from './typedata.js';

// ============================================================================================
// Numbers
// ============================================================================================

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * A Python int (new reference). Values -5..256 come from the small-int cache, as in CPython.
 * In the 2.7 profile, values outside the C long range are `long` objects.
 *
 * @example
 * ```ts
 * import { Heap, newInt, intValue } from '@heaplab/heap';
 * const heap = new Heap();
 * const r = newInt(heap, 7);
 * intValue(heap, r); // 7
 * ```
 */
export function newInt(heap: Heap, v: number | bigint): Ref {
  if (typeof v === 'bigint') {
    if (v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)) v = Number(v);
    else {
      const type = heap.profile.hasLongType && (v < INT64_MIN || v > INT64_MAX) ? heap.t.long : heap.t.int;
      return heap.alloc(type, Kind.INT, v);
    }
  }
  if (v >= -5 && v <= 256 && Number.isInteger(v)) {
    const r = heap.smallInts[v + 5]!;
    heap.rc[r]++;
    return r;
  }
  return heap.alloc(heap.t.int, Kind.INT, v);
}

/** A 2.7 `long` (e.g. the literal `10L`); an int in 3.12. */
export function newLong(heap: Heap, v: number | bigint): Ref {
  if (!heap.profile.hasLongType) return newInt(heap, v);
  if (typeof v === 'bigint' && v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)) v = Number(v);
  return heap.alloc(heap.t.long, Kind.INT, v);
}

/** The value of an int/bool (number when safe, else bigint). */
export function intValue(heap: Heap, r: Ref): number | bigint {
  return heap.payload[r] as number | bigint;
}

/** A Python float (new reference). */
export function newFloat(heap: Heap, v: number): Ref {
  return heap.alloc(heap.t.float, Kind.FLOAT, v);
}

/** True or False (new reference). */
export function newBool(heap: Heap, v: boolean): Ref {
  const r = v ? heap.True : heap.False;
  heap.rc[r]++;
  return r;
}

/** None (new reference). */
export function newNone(heap: Heap): Ref {
  heap.rc[heap.None]++;
  return heap.None;
}

// ============================================================================================
// Strings
// ============================================================================================

/**
 * A new (not interned) str. The empty string and, in 3.12, one-character Latin-1 strings are
 * shared immortal singletons, as in CPython.
 *
 * @example
 * ```ts
 * import { Heap, newStr, strValue } from '@heaplab/heap';
 * const heap = new Heap();
 * strValue(heap, newStr(heap, 'hello world')); // 'hello world'
 * ```
 */
export function newStr(heap: Heap, s: string): Ref {
  if (s.length === 0) {
    heap.rc[heap.emptyStr]++;
    return heap.emptyStr;
  }
  if (s.length === 1 && s.charCodeAt(0) < 256) return intern(heap, s);
  return heap.alloc(heap.t.str, Kind.STR, s);
}

/** A 2.7 `unicode` object (a str in 3.12). */
export function newUnicode(heap: Heap, s: string): Ref {
  if (heap.t.unicode === heap.t.str) return newStr(heap, s);
  return heap.alloc(heap.t.unicode, Kind.STR, s);
}

/**
 * The interned str for `s` (new reference). Interned strings are immortal in 3.12 (and live
 * forever in 2.7's interned table).
 */
export function intern(heap: Heap, s: string): Ref {
  let r = heap.interned.get(s);
  if (r === undefined) {
    r = heap.alloc(heap.t.str, Kind.STR, s);
    heap.makeImmortal(r);
    heap.interned.set(s, r);
  }
  heap.rc[r]++;
  return r;
}

/** The JS string of a str/unicode/bytes object. */
export function strValue(heap: Heap, r: Ref): string {
  return heap.payload[r] as string;
}

/** Hash of a JS string as the profile's str hash (low half; high half in HASH_HI[0]). */
export function strHashOf(heap: Heap, s: string): number {
  return heap.profile.strHash === 'py27' ? strHash27(s) : strHashRandomized(s);
}

// ============================================================================================
// Tuples
// ============================================================================================

/**
 * A tuple of `items` (increfed). Runtime tuples are tracked at creation; the collector untracks
 * them later if they hold nothing that may be tracked.
 *
 * @example
 * ```ts
 * import { Heap, newTuple, newInt, tupleItems } from '@heaplab/heap';
 * const heap = new Heap();
 * const t = newTuple(heap, [heap.None, heap.True]);
 * tupleItems(heap, t).length; // 2
 * ```
 */
export function newTuple(heap: Heap, items: readonly Ref[]): Ref {
  for (const it of items) heap.rc[it]++;
  return newTupleSteal(heap, items.slice());
}

/** Like `newTuple`, but takes ownership of the references in `items` (and of the array). */
export function newTupleSteal(heap: Heap, items: Ref[]): Ref {
  if (items.length === 0) {
    heap.rc[heap.emptyTuple]++;
    return heap.emptyTuple;
  }
  let r: Ref;
  try {
    r = heap.alloc(heap.t.tuple, Kind.TUPLE, items);
  } catch (e) {
    for (const it of items) heap.decref(it);
    throw e;
  }
  heap.track(r);
  return r;
}

/** The items of a tuple (borrowed; do not mutate). */
export function tupleItems(heap: Heap, r: Ref): readonly Ref[] {
  return heap.payload[r] as Ref[];
}

// ============================================================================================
// Lists
// ============================================================================================

/**
 * A list of `items` (increfed), tracked.
 *
 * @example
 * ```ts
 * import { Heap, newList, listAppend, listItems } from '@heaplab/heap';
 * const heap = new Heap();
 * const l = newList(heap, []);
 * listAppend(heap, l, heap.None);
 * listItems(heap, l).length; // 1
 * ```
 */
export function newList(heap: Heap, items: readonly Ref[]): Ref {
  for (const it of items) heap.rc[it]++;
  return newListSteal(heap, items.slice());
}

/** Like `newList`, but takes ownership of `items`. */
export function newListSteal(heap: Heap, items: Ref[]): Ref {
  let r: Ref;
  try {
    r = heap.alloc(heap.t.list, Kind.LIST, items);
  } catch (e) {
    for (const it of items) heap.decref(it);
    throw e;
  }
  heap.track(r);
  return r;
}

/** The live item array of a list (borrowed; mutate only through list functions). */
export function listItems(heap: Heap, r: Ref): Ref[] {
  return heap.payload[r] as Ref[];
}

/** `list.append(item)` (item increfed). */
export function listAppend(heap: Heap, l: Ref, item: Ref): void {
  heap.rc[item]++;
  (heap.payload[l] as Ref[]).push(item);
}

/** Replace item `i` (must be in range), releasing the old one after the store (as `PyList_SetItem`). */
export function listSetItem(heap: Heap, l: Ref, i: number, item: Ref): void {
  const items = heap.payload[l] as Ref[];
  const old = items[i]!;
  heap.rc[item]++;
  items[i] = item;
  heap.decref(old);
}

/**
 * Replace `items[lo:hi]` with `replacement` (increfed), releasing the removed items afterwards,
 * last to first — as `list_ass_slice` does.
 */
export function listSetSlice(heap: Heap, l: Ref, lo: number, hi: number, replacement: readonly Ref[]): void {
  const items = heap.payload[l] as Ref[];
  for (const it of replacement) heap.rc[it]++;
  const removed = items.splice(lo, hi - lo, ...replacement);
  for (let i = removed.length - 1; i >= 0; i--) heap.decref(removed[i]!);
}

/** Remove every item, releasing them last to first (list_clear). */
export function listClear(heap: Heap, l: Ref): void {
  const items = heap.payload[l] as Ref[];
  if (items.length === 0) return;
  heap.payload[l] = [];
  for (let i = items.length - 1; i >= 0; i--) heap.decref(items[i]!);
}

// ============================================================================================
// Dicts
// ============================================================================================

/** Payload of a dict object. */
export interface DictData {
  store: DictStore;
  /** 3.12: every key stored so far is an exact str (DK_IS_UNICODE): traversal skips keys. */
  unicodeKeys: boolean;
}

/**
 * A new empty dict (untracked until it stores something trackable). `presize` mirrors
 * `_PyDict_NewPresized` (used for dict displays), which changes 2.7's table layout and so its
 * iteration order.
 *
 * @example
 * ```ts
 * import { Heap, newDict, dictSetStr, newInt, dictGetStr } from '@heaplab/heap';
 * const heap = new Heap();
 * const d = newDict(heap);
 * dictSetStr(heap, d, 'x', heap.None);
 * dictGetStr(heap, d, 'x') === heap.None; // true
 * ```
 */
export function newDict(heap: Heap, presize = 0): Ref {
  const data: DictData = {
    store: heap.profile.dictOrder === 'table' ? new TableDict(presize) : new CompactDict(presize),
    unicodeKeys: true,
  };
  return heap.alloc(heap.t.dict, Kind.DICT, data);
}

/** The dict payload. */
export function dictData(heap: Heap, d: Ref): DictData {
  return heap.payload[d] as DictData;
}

/** Number of items. */
export function dictLen(heap: Heap, d: Ref): number {
  return (heap.payload[d] as DictData).store.used;
}

/**
 * `_PyObject_GC_MAY_BE_TRACKED`: a GC object that is not an untracked tuple. Untracked dicts
 * and empty frozensets still count.
 */
export function mayBeTracked(heap: Heap, r: Ref): boolean {
  const td = heap.payload[heap.typ[r]!] as TypeData;
  if ((td.tflags & TypeFlag.GC) === 0) return false;
  const k = heap.kind[r]!;
  if (k === Kind.TUPLE) return (heap.flags[r]! & Flag.TRACKED) !== 0;
  if (k === Kind.TYPE) return ((heap.payload[r] as TypeData).tflags & TypeFlag.HEAPTYPE) !== 0;
  return true;
}

function maintainTracking(heap: Heap, d: Ref, key: Ref, value: Ref): void {
  if ((heap.flags[d]! & Flag.TRACKED) === 0 && (mayBeTracked(heap, key) || mayBeTracked(heap, value))) heap.track(d);
}

/** Look up `key` (with its precomputed hash halves); returns the position or -1. */
function dictFind(heap: Heap, data: DictData, key: Ref, lo: number, hi: number): number {
  return data.store.find(key, lo, hi, heap.dictEqFn);
}

/**
 * `d[key] = value` (both increfed; the old value released after the store).
 * Raises TypeError for an unhashable key.
 */
export function dictSetItem(heap: Heap, d: Ref, key: Ref, value: Ref): void {
  const lo = hashOf(heap, key);
  dictSetItemHashed(heap, d, key, lo, HASH_HI[0]!, value);
}

/** `dictSetItem` with a precomputed hash. */
export function dictSetItemHashed(heap: Heap, d: Ref, key: Ref, lo: number, hi: number, value: Ref): void {
  const data = heap.payload[d] as DictData;
  const pos = dictFind(heap, data, key, lo, hi);
  heap.rc[value]++;
  if (pos >= 0) {
    const old = data.store.valueAt(pos);
    data.store.setValueAt(pos, value);
    maintainTracking(heap, d, key, value);
    heap.decref(old);
    return;
  }
  heap.rc[key]++;
  if (data.unicodeKeys && heap.typ[key] !== heap.t.str) data.unicodeKeys = false;
  data.store.insertNew(key, lo, hi, value);
  maintainTracking(heap, d, key, value);
}

/** `d[key]` (borrowed) or 0 if absent. Raises TypeError for an unhashable key. */
export function dictGetItem(heap: Heap, d: Ref, key: Ref): Ref {
  const lo = hashOf(heap, key);
  const data = heap.payload[d] as DictData;
  const pos = dictFind(heap, data, key, lo, HASH_HI[0]!);
  return pos >= 0 ? data.store.valueAt(pos) : 0;
}

/** Delete `key`; returns false if it was absent. Key and value are released after removal. */
export function dictDelItem(heap: Heap, d: Ref, key: Ref): boolean {
  const lo = hashOf(heap, key);
  const data = heap.payload[d] as DictData;
  const pos = dictFind(heap, data, key, lo, HASH_HI[0]!);
  if (pos < 0) return false;
  const k = data.store.keyAt(pos);
  const v = data.store.valueAt(pos);
  data.store.removeAt(pos);
  heap.decref(k);
  heap.decref(v);
  return true;
}

/** Position of the str key `name` in a dict, or -1 (no object allocated for the lookup). */
export function dictFindStr(heap: Heap, d: Ref, name: string): number {
  const data = heap.payload[d] as DictData;
  const lo = strHashOf(heap, name);
  const hi = HASH_HI[0]!;
  const interned = heap.interned.get(name) ?? -2;
  heap.strKeyProbe = name;
  return data.store.find(interned, lo, hi, heap.strKeyEqFn);
}

/**
 * `d[name]` with the str key's hash and interned ref precomputed (borrowed, or 0) — for call
 * sites that look the same name up many times (globals, builtins).
 */
export function dictGetStrHashed(heap: Heap, d: Ref, name: string, key: Ref, lo: number, hi: number): Ref {
  const data = heap.payload[d] as DictData;
  heap.strKeyProbe = name;
  const pos = data.store.find(key, lo, hi, heap.strKeyEqFn);
  return pos >= 0 ? data.store.valueAt(pos) : 0;
}

/** `d[name]` for a str key, borrowed, or 0. */
export function dictGetStr(heap: Heap, d: Ref, name: string): Ref {
  const pos = dictFindStr(heap, d, name);
  return pos >= 0 ? (heap.payload[d] as DictData).store.valueAt(pos) : 0;
}

/** `d[name] = value` with an interned str key (value increfed). */
export function dictSetStr(heap: Heap, d: Ref, name: string, value: Ref): void {
  const pos = dictFindStr(heap, d, name);
  const data = heap.payload[d] as DictData;
  heap.rc[value]++;
  if (pos >= 0) {
    const old = data.store.valueAt(pos);
    data.store.setValueAt(pos, value);
    if ((heap.flags[d]! & Flag.TRACKED) === 0 && mayBeTracked(heap, value)) heap.track(d);
    heap.decref(old);
    return;
  }
  const key = intern(heap, name);
  const lo = strHashOf(heap, name);
  data.store.insertNew(key, lo, HASH_HI[0]!, value);
  if ((heap.flags[d]! & Flag.TRACKED) === 0 && mayBeTracked(heap, value)) heap.track(d);
}

/** Delete str key `name`; false if absent. */
export function dictDelStr(heap: Heap, d: Ref, name: string): boolean {
  const pos = dictFindStr(heap, d, name);
  if (pos < 0) return false;
  const data = heap.payload[d] as DictData;
  const k = data.store.keyAt(pos);
  const v = data.store.valueAt(pos);
  data.store.removeAt(pos);
  heap.decref(k);
  heap.decref(v);
  return true;
}

/** Keys and values in iteration order (borrowed), as `[k0, v0, k1, v1, ...]`. */
export function dictEntries(heap: Heap, d: Ref): Ref[] {
  const store = (heap.payload[d] as DictData).store;
  const out: Ref[] = [];
  for (let p = store.next(0); p >= 0; p = store.next(p + 1)) out.push(store.keyAt(p), store.valueAt(p));
  return out;
}

/** `dict.clear()`: empties the table first, then releases keys and values (table order). */
export function dictClear(heap: Heap, d: Ref): void {
  const data = heap.payload[d] as DictData;
  const taken = data.store.takeAll();
  data.unicodeKeys = true;
  for (let i = 0; i < taken.length; i += 2) {
    heap.decref(taken[i]!);
    heap.decref(taken[i + 1]!);
  }
}

// ============================================================================================
// Sets
// ============================================================================================

/**
 * A new set (tracked), filled with `items` in order.
 *
 * @example
 * ```ts
 * import { Heap, newSet, newInt, setLen } from '@heaplab/heap';
 * const heap = new Heap();
 * const s = newSet(heap, [newInt(heap, 1), newInt(heap, 1)]);
 * setLen(heap, s); // 1
 * ```
 */
export function newSet(heap: Heap, items: readonly Ref[] = [], frozen = false): Ref {
  const store = new SetStore(heap.profile.setTable);
  const r = heap.alloc(frozen ? heap.t.frozenset : heap.t.set, frozen ? Kind.FROZENSET : Kind.SET, store);
  try {
    for (const it of items) setAdd(heap, r, it);
  } catch (e) {
    heap.decref(r);
    throw e;
  }
  heap.track(r);
  return r;
}

/** Add `item` (increfed if newly added). Raises TypeError if unhashable. */
export function setAdd(heap: Heap, s: Ref, item: Ref): void {
  const lo = hashOf(heap, item);
  const hi = HASH_HI[0]!;
  const store = heap.payload[s] as SetStore;
  if (store.find(item, lo, hi, heap.dictEqFn) >= 0) return;
  heap.rc[item]++;
  store.insertNew(item, lo, hi);
}

/** Is `item` a member? */
export function setContains(heap: Heap, s: Ref, item: Ref): boolean {
  const lo = hashOf(heap, item);
  return (heap.payload[s] as SetStore).find(item, lo, HASH_HI[0]!, heap.dictEqFn) >= 0;
}

/** Remove `item` if present; true if it was. */
export function setDiscard(heap: Heap, s: Ref, item: Ref): boolean {
  const lo = hashOf(heap, item);
  const store = heap.payload[s] as SetStore;
  const pos = store.find(item, lo, HASH_HI[0]!, heap.dictEqFn);
  if (pos < 0) return false;
  const k = store.keyAt(pos);
  store.removeAt(pos);
  heap.decref(k);
  return true;
}

/** Members in iteration (table) order, borrowed. */
export function setItems(heap: Heap, s: Ref): Ref[] {
  const store = heap.payload[s] as SetStore;
  const out: Ref[] = [];
  for (let p = store.next(0); p >= 0; p = store.next(p + 1)) out.push(store.keyAt(p));
  return out;
}

/** Number of members. */
export function setLen(heap: Heap, s: Ref): number {
  return (heap.payload[s] as SetStore).used;
}

/** `set.clear()`. */
export function setClear(heap: Heap, s: Ref): void {
  const taken = (heap.payload[s] as SetStore).takeAll();
  for (const k of taken) heap.decref(k);
}

// ============================================================================================
// Cells and modules
// ============================================================================================

/** A closure cell holding `value` (increfed; 0 for an empty cell), tracked. */
export function newCell(heap: Heap, value: Ref): Ref {
  heap.xincref(value);
  const r = heap.alloc(heap.t.cell, Kind.CELL, [value]);
  heap.track(r);
  return r;
}

/** The cell's content (borrowed, 0 if empty). */
export function cellGet(heap: Heap, c: Ref): Ref {
  return (heap.payload[c] as Ref[])[0]!;
}

/** Set the cell's content (increfed), releasing the old content. */
export function cellSet(heap: Heap, c: Ref, value: Ref): void {
  const box = heap.payload[c] as Ref[];
  const old = box[0]!;
  heap.xincref(value);
  box[0] = value;
  heap.xdecref(old);
}

/** Payload of a module object. */
export interface ModuleData {
  name: string;
  /** The module's namespace (owned). */
  dict: Ref;
  /** Extension data (the runtime's module implementation). */
  ext?: unknown;
}

/**
 * A module object named `name` with a fresh namespace holding `__name__` (and `__doc__`).
 *
 * @example
 * ```ts
 * import { Heap, newModule, moduleDict, dictGetStr, strValue } from '@heaplab/heap';
 * const heap = new Heap();
 * const m = newModule(heap, '__main__');
 * strValue(heap, dictGetStr(heap, moduleDict(heap, m), '__name__')); // '__main__'
 * ```
 */
export function newModule(heap: Heap, name: string): Ref {
  const dict = newDict(heap);
  const nameStr = intern(heap, name);
  dictSetStr(heap, dict, '__name__', nameStr);
  heap.decref(nameStr);
  dictSetStr(heap, dict, '__doc__', heap.None);
  const data: ModuleData = { name, dict };
  const r = heap.alloc(heap.t.module, Kind.MODULE, data);
  heap.track(r);
  return r;
}

/** A module's namespace dict (borrowed). */
export function moduleDict(heap: Heap, m: Ref): Ref {
  return (heap.payload[m] as ModuleData).dict;
}
