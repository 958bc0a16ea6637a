/**
 * Subscription: `obj[key]`, `obj[key] = value`, `del obj[key]` and slices, for the builtin
 * containers and through type slots (`__getitem__`/`__setitem__`/`__delitem__` of classes),
 * with CPython's messages per version. Removed items are released after the container has been
 * updated, in CPython's order (list slices: last to first; extended slices: slice order).
 */
import {
  call,
  dictDelItem,
  getAttrOrNull,
  dictGetItem,
  dictSetItem,
  type Heap,
  Kind,
  listSetItem,
  listSetSlice,
  newExceptionObject,
  newInt,
  newList,
  newStr,
  newTuple,
  newUnicode,
  PyException,
  type Ref,
  type TypeData,
  TypeFlag,
  typeLookup,
} from '@heaplab/heap';
import { cpAt, cpLength, cpSlice } from './strutil.js';
import { newBytes, newStrLike } from './strutil.js';
import {
  callSpecialOrNull,
  collect,
  decrefAll,
  indexValueOrNull,
  is27,
  isUnicode27,
  newRef,
  pyErr,
  tpName,
  typeError,
} from './util.js';

const SSIZE_MAX = Number.MAX_SAFE_INTEGER;

// ============================================================================================
// Slices
// ============================================================================================

/**
 * A slice object `slice(start, stop, step)` (new reference); 0 arguments mean None.
 *
 * @example
 * ```ts
 * const s = newSlice(heap, newInt(heap, 1), 0, 0); // slice(1, None, None)
 * ```
 */
export function newSlice(heap: Heap, start: Ref, stop: Ref, step: Ref): Ref {
  const items = [start || heap.None, stop || heap.None, step || heap.None];
  for (const x of items) heap.incref(x);
  const r = heap.alloc(heap.t.slice, Kind.SLICE, items);
  heap.track(r);
  return r;
}

/** `_PyEval_SliceIndex`: an int, None (→ null) or `__index__` object, clamped to ±2**53. */
function sliceIndex(heap: Heap, r: Ref): number | null {
  if (r === heap.None || r === 0) return null;
  const v = indexValueOrNull(heap, r);
  if (v === null) throw typeError(heap, 'slice indices must be integers or None or have an __index__ method');
  if (typeof v === 'bigint') return v < 0n ? -SSIZE_MAX : SSIZE_MAX;
  return v;
}

/** Adjusted slice indices for a sequence of `length`: CPython's `PySlice_Unpack` + `PySlice_AdjustIndices`. */
export interface SliceIndices {
  start: number;
  stop: number;
  step: number;
  /** Number of items selected. */
  count: number;
}

/**
 * `slice.indices(length)` as numbers.
 *
 * @example
 * ```ts
 * sliceIndices(heap, newSlice(heap, 0, 0, newInt(heap, -1)), 3); // {start: 2, stop: -1, step: -1, count: 3}
 * ```
 */
export function sliceIndices(heap: Heap, slice: Ref, length: number): SliceIndices {
  const [s0, s1, s2] = heap.payload[slice] as Ref[];
  let step = sliceIndex(heap, s2!);
  if (step === null) step = 1;
  else if (step === 0) throw pyErr(heap, heap.t.ValueError, 'slice step cannot be zero');
  let start = sliceIndex(heap, s0!);
  let stop = sliceIndex(heap, s1!);
  if (start === null) start = step < 0 ? SSIZE_MAX : 0;
  if (stop === null) stop = step < 0 ? -SSIZE_MAX - 1 : SSIZE_MAX;
  return adjustIndices(length, start, stop, step);
}

/**
 * `PySlice_AdjustIndices`.
 *
 * @example
 * ```ts
 * adjustIndices(5, -2, 100, 1); // {start: 3, stop: 5, step: 1, count: 2}
 * ```
 */
export function adjustIndices(length: number, start: number, stop: number, step: number): SliceIndices {
  if (start < 0) {
    start += length;
    if (start < 0) start = step < 0 ? -1 : 0;
  } else if (start >= length) start = step < 0 ? length - 1 : length;
  if (stop < 0) {
    stop += length;
    if (stop < 0) stop = step < 0 ? -1 : 0;
  } else if (stop >= length) stop = step < 0 ? length - 1 : length;
  let count = 0;
  if (step < 0) {
    if (stop < start) count = Math.floor((start - stop - 1) / -step) + 1;
  } else if (start < stop) count = Math.floor((stop - start - 1) / step) + 1;
  return { start, stop, step, count };
}

// ============================================================================================
// Errors
// ============================================================================================

/**
 * A KeyError whose single argument is `key` (ready to throw).
 *
 * @example
 * ```ts
 * throw keyError(heap, newStr(heap, 'k')); // KeyError: 'k'
 * ```
 */
export function keyError(heap: Heap, key: Ref): PyException {
  const exc = newExceptionObject(heap, heap.t.KeyError, [key]);
  return new PyException(exc, `KeyError: ${heap.typeName(key)}`);
}

function indicesError(heap: Heap, what: string, key: Ref): Error {
  if (is27(heap)) return typeError(heap, `${what} indices must be integers, not ${tpName(heap, key)}`);
  return typeError(heap, `${what} indices must be integers or slices, not ${tpName(heap, key)}`);
}

function indexTooBig(heap: Heap): Error {
  return pyErr(heap, heap.t.IndexError, is27(heap) ? "cannot fit 'long' into an index-sized integer" : "cannot fit 'int' into an index-sized integer");
}

/** An integer index value (number), or null if `key` is not an integer. Raises IndexError for huge values. */
function intIndex(heap: Heap, key: Ref): number | null {
  const k = heap.kind[key];
  if (k === Kind.INT || k === Kind.BOOL) {
    const v = heap.payload[key] as number | bigint;
    if (typeof v === 'bigint') throw indexTooBig(heap);
    return v;
  }
  if (k === Kind.SLICE || k === Kind.STR || k === Kind.FLOAT) return null;
  const v = indexValueOrNull(heap, key);
  if (v === null) return null;
  if (typeof v === 'bigint') throw indexTooBig(heap);
  return v;
}

// ============================================================================================
// Per-kind item access
// ============================================================================================

/** `list[key]`. */
function listGetItem(heap: Heap, l: Ref, key: Ref): Ref {
  const items = heap.payload[l] as Ref[];
  const i = intIndex(heap, key);
  if (i !== null) {
    const j = i < 0 ? i + items.length : i;
    if (j < 0 || j >= items.length) throw pyErr(heap, heap.t.IndexError, 'list index out of range');
    return newRef(heap, items[j]!);
  }
  if (heap.kind[key] === Kind.SLICE) {
    const s = sliceIndices(heap, key, items.length);
    return newList(heap, pickItems(items, s));
  }
  throw indicesError(heap, 'list', key);
}

function pickItems(items: readonly Ref[], s: SliceIndices): Ref[] {
  if (s.step === 1) return items.slice(s.start, s.start + s.count);
  const out = new Array<Ref>(s.count);
  for (let i = 0, j = s.start; i < s.count; i++, j += s.step) out[i] = items[j]!;
  return out;
}

/** `tuple[key]`. */
function tupleGetItem(heap: Heap, t: Ref, key: Ref): Ref {
  const items = heap.payload[t] as Ref[];
  const i = intIndex(heap, key);
  if (i !== null) {
    const j = i < 0 ? i + items.length : i;
    if (j < 0 || j >= items.length) throw pyErr(heap, heap.t.IndexError, 'tuple index out of range');
    return newRef(heap, items[j]!);
  }
  if (heap.kind[key] === Kind.SLICE) {
    const s = sliceIndices(heap, key, items.length);
    if (s.start === 0 && s.step === 1 && s.count === items.length && heap.typ[t] === heap.t.tuple) return newRef(heap, t);
    return newTuple(heap, pickItems(items, s));
  }
  throw indicesError(heap, 'tuple', key);
}

/** `str[key]` (and 2.7 unicode). */
function strGetItem(heap: Heap, s: Ref, key: Ref): Ref {
  const v = heap.payload[s] as string;
  const n = cpLength(v);
  const i = intIndex(heap, key);
  const uni = isUnicode27(heap, s);
  if (i !== null) {
    const j = i < 0 ? i + n : i;
    if (j < 0 || j >= n) throw pyErr(heap, heap.t.IndexError, 'string index out of range');
    const ch = cpAt(v, j);
    return uni ? newUnicode(heap, ch) : newStr(heap, ch);
  }
  if (heap.kind[key] === Kind.SLICE) {
    const sl = sliceIndices(heap, key, n);
    if (sl.start === 0 && sl.step === 1 && sl.count === n && (heap.typ[s] === heap.t.str || heap.typ[s] === heap.t.unicode)) return newRef(heap, s);
    const out = cpSlice(v, sl.start, sl.stop, sl.step, sl.count);
    return uni ? newUnicode(heap, out) : newStr(heap, out);
  }
  if (is27(heap)) throw typeError(heap, uni ? 'string indices must be integers' : `string indices must be integers, not ${tpName(heap, key)}`);
  throw typeError(heap, `string indices must be integers, not '${tpName(heap, key)}'`);
}

/** 3.12 `bytes[key]`: an int for an index, bytes for a slice. */
function bytesGetItem(heap: Heap, b: Ref, key: Ref): Ref {
  const v = heap.payload[b] as string;
  const i = intIndex(heap, key);
  if (i !== null) {
    const j = i < 0 ? i + v.length : i;
    if (j < 0 || j >= v.length) throw pyErr(heap, heap.t.IndexError, 'index out of range');
    return newInt(heap, v.charCodeAt(j));
  }
  if (heap.kind[key] === Kind.SLICE) {
    const sl = sliceIndices(heap, key, v.length);
    if (sl.start === 0 && sl.step === 1 && sl.count === v.length && heap.typ[b] === heap.t.bytes) return newRef(heap, b);
    return newBytes(heap, cpSlice(v, sl.start, sl.stop, sl.step, sl.count));
  }
  throw typeError(heap, `byte indices must be integers or slices, not ${tpName(heap, key)}`);
}

/** Range data. */
interface RangeData {
  start: number;
  stop: number;
  step: number;
}

/**
 * Number of items of a range.
 *
 * @example
 * ```ts
 * rangeLength({ start: 1, stop: 10, step: 3 }); // 3
 * ```
 */
export function rangeLength(r: RangeData): number {
  if (r.step > 0) return r.start < r.stop ? Math.floor((r.stop - r.start - 1) / r.step) + 1 : 0;
  return r.start > r.stop ? Math.floor((r.start - r.stop - 1) / -r.step) + 1 : 0;
}

/**
 * A range object (new reference).
 *
 * @example
 * ```ts
 * reprOf(heap, newRange(heap, 0, 10, 2)); // 'range(0, 10, 2)'
 * ```
 */
export function newRange(heap: Heap, start: number, stop: number, step: number): Ref {
  return heap.alloc(heap.t.range, Kind.RANGE, { start, stop, step });
}

/**
 * `range[key]` (3.12: slices give ranges; 2.7 xrange: indices only).
 *
 * @example
 * ```ts
 * reprOf(heap, rangeGetItem(heap, newRange(heap, 0, 10, 2), newInt(heap, -1))); // '8'
 * ```
 */
export function rangeGetItem(heap: Heap, r: Ref, key: Ref): Ref {
  const rg = heap.payload[r] as RangeData;
  const n = rangeLength(rg);
  const i = intIndex(heap, key);
  if (i !== null) {
    const j = i < 0 ? i + n : i;
    if (j < 0 || j >= n) throw pyErr(heap, heap.t.IndexError, is27(heap) ? 'xrange object index out of range' : 'range object index out of range');
    return newInt(heap, rg.start + j * rg.step);
  }
  if (is27(heap)) throw typeError(heap, `sequence index must be integer, not '${tpName(heap, key)}'`);
  if (heap.kind[key] === Kind.SLICE) {
    const s = sliceIndices(heap, key, n);
    const start = rg.start + s.start * rg.step;
    const step = rg.step * s.step;
    const stop = start + s.count * step;
    return newRange(heap, start, stop, step);
  }
  throw typeError(heap, `range indices must be integers or slices, not ${tpName(heap, key)}`);
}

/** `dict[key]`, with `__missing__` for subclasses. */
function dictSubscript(heap: Heap, d: Ref, key: Ref): Ref {
  const v = dictGetItem(heap, d, key);
  if (v !== 0) return newRef(heap, v);
  if (heap.typ[d] !== heap.t.dict) {
    const r = callSpecialOrNull(heap, d, '__missing__', [key]);
    if (r !== 0) return r;
  }
  throw keyError(heap, key);
}

/** `list[key] = value` / `del list[key]` (`value === 0`). */
function listAssSubscript(heap: Heap, l: Ref, key: Ref, value: Ref): void {
  const items = heap.payload[l] as Ref[];
  const i = intIndex(heap, key);
  if (i !== null) {
    const j = i < 0 ? i + items.length : i;
    if (j < 0 || j >= items.length) throw pyErr(heap, heap.t.IndexError, 'list assignment index out of range');
    if (value !== 0) listSetItem(heap, l, j, value);
    else listSetSlice(heap, l, j, j + 1, []);
    return;
  }
  if (heap.kind[key] === Kind.SLICE) {
    const s = sliceIndices(heap, key, items.length);
    if (s.step === 1) {
      listAssignSlice(heap, l, s.start, Math.max(s.start, s.stop), value);
      return;
    }
    if (value === 0) {
      deleteExtended(heap, l, s);
      return;
    }
    assignExtended(heap, l, s, value);
    return;
  }
  throw indicesError(heap, 'list', key);
}

/** `PySequence_Fast(v, "can only assign an iterable")`: the items as new references. */
function sequenceFast(heap: Heap, v: Ref, msg: string): Ref[] {
  const k = heap.kind[v];
  if (k === Kind.LIST || k === Kind.TUPLE) {
    const items = (heap.payload[v] as Ref[]).slice();
    for (const x of items) heap.incref(x);
    return items;
  }
  try {
    return collect(heap, v);
  } catch (e) {
    if (heap.isExceptionOf(e, heap.t.TypeError) && /is not iterable|not iterable/.test(e.message)) {
      heap.decref(e.exc);
      throw typeError(heap, msg);
    }
    throw e;
  }
}

/** `list_ass_slice`: replace `items[lo:hi]` by the items of `value` (0: delete). */
function listAssignSlice(heap: Heap, l: Ref, lo: number, hi: number, value: Ref): void {
  const n = (heap.payload[l] as Ref[]).length;
  if (lo < 0) lo = 0;
  else if (lo > n) lo = n;
  if (hi < lo) hi = lo;
  else if (hi > n) hi = n;
  if (value === 0) {
    listSetSlice(heap, l, lo, hi, []);
    return;
  }
  const repl = sequenceFast(heap, value, 'can only assign an iterable');
  try {
    listSetSlice(heap, l, lo, hi, repl);
  } finally {
    decrefAll(heap, repl);
  }
}

function deleteExtended(heap: Heap, l: Ref, s: SliceIndices): void {
  if (s.count <= 0) return;
  const items = heap.payload[l] as Ref[];
  let { start, step } = s;
  if (step < 0) {
    start = start + step * (s.count - 1);
    step = -step;
  }
  const garbage: Ref[] = [];
  const keep: Ref[] = [];
  let next = start;
  let taken = 0;
  for (let i = 0; i < items.length; i++) {
    if (taken < s.count && i === next) {
      garbage.push(items[i]!);
      taken++;
      next += step;
    } else keep.push(items[i]!);
  }
  heap.payload[l] = keep;
  for (const g of garbage) heap.decref(g);
}

function assignExtended(heap: Heap, l: Ref, s: SliceIndices, value: Ref): void {
  const repl = sequenceFast(heap, value, 'must assign iterable to extended slice');
  if (repl.length !== s.count) {
    decrefAll(heap, repl);
    throw pyErr(heap, heap.t.ValueError, `attempt to assign sequence of size ${repl.length} to extended slice of size ${s.count}`);
  }
  const items = heap.payload[l] as Ref[];
  const garbage: Ref[] = [];
  for (let i = 0, j = s.start; i < s.count; i++, j += s.step) {
    garbage.push(items[j]!);
    items[j] = repl[i]!; // the reference from sequenceFast is handed to the list
  }
  for (const g of garbage) heap.decref(g);
}

// ============================================================================================
// Generic protocol
// ============================================================================================

function notSubscriptable(heap: Heap, obj: Ref, key: Ref): Error {
  if (is27(heap)) {
    // PyObject_GetItem: a type with a sequence table (sets, dict views, every class) tries
    // PySequence_GetItem when the key is an index, which has no sq_item to call.
    const td = heap.payload[heap.typ[obj]!] as TypeData;
    const hasSequence = heap.kind[obj] === Kind.SET || heap.kind[obj] === Kind.FROZENSET || heap.kind[obj] === Kind.DICTVIEW || (td.tflags & TypeFlag.HEAPTYPE) !== 0;
    const k = heap.kind[key];
    const isIndex = k === Kind.INT || k === Kind.BOOL || typeLookup(heap, heap.typ[key]!, '__index__') !== 0;
    if (hasSequence && isIndex) return typeError(heap, `'${tpName(heap, obj)}' object does not support indexing`);
    return typeError(heap, `'${tpName(heap, obj)}' object has no attribute '__getitem__'`);
  }
  if (heap.kind[obj] === Kind.TYPE) return typeError(heap, `type '${(heap.payload[obj] as TypeData).name}' is not subscriptable`);
  return typeError(heap, `'${tpName(heap, obj)}' object is not subscriptable`);
}

/** Item lookup by kind for builtin layouts (0 when the kind is not subscriptable). */
function builtinGetItem(heap: Heap, obj: Ref, key: Ref): Ref {
  switch (heap.kind[obj]) {
    case Kind.LIST:
      return listGetItem(heap, obj, key);
    case Kind.TUPLE:
      return tupleGetItem(heap, obj, key);
    case Kind.STR:
      return strGetItem(heap, obj, key);
    case Kind.BYTES:
      return bytesGetItem(heap, obj, key);
    case Kind.DICT:
      return dictSubscript(heap, obj, key);
    case Kind.RANGE:
      return rangeGetItem(heap, obj, key);
    case Kind.MAPPINGPROXY:
      return getItem(heap, (heap.payload[obj] as Ref[])[0]!, key);
  }
  return 0;
}

/**
 * `obj[key]` (new reference).
 *
 * @example
 * ```ts
 * const l = toPy(heap, [10, 20, 30]);
 * reprOf(heap, getItem(heap, l, newInt(heap, -1))); // '30'
 * ```
 */
export function getItem(heap: Heap, obj: Ref, key: Ref): Ref {
  const ty = heap.typ[obj]!;
  const t = heap.t;
  // Exact builtin containers first.
  if (ty === t.list) return listGetItem(heap, obj, key);
  if (ty === t.dict) {
    const v = dictGetItem(heap, obj, key);
    if (v !== 0) return newRef(heap, v);
    throw keyError(heap, key);
  }
  if (ty === t.tuple) return tupleGetItem(heap, obj, key);
  const td = heap.payload[ty] as TypeData;
  if (td.slots.getitem !== undefined) return td.slots.getitem(heap, obj, key);
  const r = builtinGetItem(heap, obj, key);
  if (r !== 0) return r;
  if (heap.kind[obj] === Kind.TYPE && !is27(heap)) {
    const cg = callSpecialOrNullOnType(heap, obj, '__class_getitem__', key);
    if (cg !== 0) return cg;
  }
  throw notSubscriptable(heap, obj, key);
}

/** 3.12 `Class[key]`: the class's `__class_getitem__` (an implicit classmethod), or 0. */
function callSpecialOrNullOnType(heap: Heap, type: Ref, name: string, key: Ref): Ref {
  const f = getAttrOrNull(heap, type, name);
  if (f === 0) return 0;
  try {
    return call(heap, f, [key]);
  } finally {
    heap.decref(f);
  }
}

/**
 * `obj[key] = value` (value borrowed).
 *
 * @example
 * ```ts
 * const d = newDict(heap);
 * setItem(heap, d, newStr(heap, 'k'), heap.None);
 * ```
 */
export function setItem(heap: Heap, obj: Ref, key: Ref, value: Ref): void {
  const ty = heap.typ[obj]!;
  if (ty === heap.t.dict) {
    dictSetItem(heap, obj, key, value);
    return;
  }
  if (ty === heap.t.list) {
    listAssSubscript(heap, obj, key, value);
    return;
  }
  const td = heap.payload[ty] as TypeData;
  if (td.slots.setitem !== undefined) {
    td.slots.setitem(heap, obj, key, value);
    return;
  }
  if (builtinAssSubscript(heap, obj, key, value)) return;
  throw typeError(heap, `'${tpName(heap, obj)}' object does not support item assignment`);
}

/**
 * `del obj[key]`.
 *
 * @example
 * ```ts
 * delItem(heap, toPy(heap, [1, 2, 3]), newInt(heap, 0)); // [2, 3]
 * ```
 */
export function delItem(heap: Heap, obj: Ref, key: Ref): void {
  const ty = heap.typ[obj]!;
  const td = heap.payload[ty] as TypeData;
  if (ty !== heap.t.dict && ty !== heap.t.list && td.slots.setitem !== undefined) {
    td.slots.setitem(heap, obj, key, 0);
    return;
  }
  if (builtinAssSubscript(heap, obj, key, 0)) return;
  const k = heap.kind[obj];
  const seqLike = k === Kind.TUPLE || k === Kind.STR || k === Kind.BYTES || k === Kind.RANGE;
  throw typeError(heap, `'${tpName(heap, obj)}' object ${seqLike ? "doesn't" : 'does not'} support item deletion`);
}

function builtinAssSubscript(heap: Heap, obj: Ref, key: Ref, value: Ref): boolean {
  switch (heap.kind[obj]) {
    case Kind.LIST:
      listAssSubscript(heap, obj, key, value);
      return true;
    case Kind.DICT:
      if (value === 0) {
        if (!dictDelItem(heap, obj, key)) throw keyError(heap, key);
      } else dictSetItem(heap, obj, key, value);
      return true;
  }
  return false;
}

/**
 * `obj[lower:upper:step]` with the bounds as refs (0 = omitted). In 2.7, a simple slice of a
 * builtin sequence creates no slice object (CPython's `SLICE+n` opcodes); otherwise a slice
 * object is built and passed to `getItem`.
 *
 * @example
 * ```ts
 * reprOf(heap, getSlice(heap, toPy(heap, 'hello'), newInt(heap, 1), 0, 0)); // "'ello'"
 * ```
 */
export function getSlice(heap: Heap, obj: Ref, lower: Ref, upper: Ref, step: Ref): Ref {
  if (is27(heap) && step === 0) {
    const k = heap.kind[obj];
    const td = heap.payload[heap.typ[obj]!] as TypeData;
    if ((k === Kind.LIST || k === Kind.TUPLE || k === Kind.STR) && td.slots.getitem === undefined) {
      const n = k === Kind.STR ? cpLength(heap.payload[obj] as string) : (heap.payload[obj] as Ref[]).length;
      const { lo, hi } = simpleBounds27(heap, lower, upper, n);
      const s = adjustIndices(n, lo, hi, 1);
      if (k === Kind.STR) {
        if (s.start === 0 && s.count === n && (heap.typ[obj] === heap.t.str || heap.typ[obj] === heap.t.unicode)) return newRef(heap, obj);
        return newStrLike(heap, cpSlice(heap.payload[obj] as string, s.start, s.stop, 1, s.count), obj);
      }
      const items = pickItems(heap.payload[obj] as Ref[], s);
      if (k === Kind.TUPLE) {
        if (s.start === 0 && s.count === n && heap.typ[obj] === heap.t.tuple) return newRef(heap, obj);
        return newTuple(heap, items);
      }
      return newList(heap, items);
    }
  }
  const sl = newSlice(heap, lower, upper, step);
  try {
    return getItem(heap, obj, sl);
  } finally {
    heap.decref(sl);
  }
}

/** 2.7 `apply_slice` bounds: None/missing → 0 / maxint; negative bounds get the length added. */
function simpleBounds27(heap: Heap, lower: Ref, upper: Ref, n: number): { lo: number; hi: number } {
  let lo = lower === 0 ? null : sliceIndex(heap, lower);
  let hi = upper === 0 ? null : sliceIndex(heap, upper);
  if (lo === null) lo = 0;
  if (hi === null) hi = SSIZE_MAX;
  if (lo < 0) lo += n;
  if (hi < 0) hi += n;
  if (lo < 0) lo = 0;
  if (hi < 0) hi = 0;
  return { lo, hi };
}

/**
 * `obj[lower:upper:step] = value` (`value === 0` deletes).
 *
 * @example
 * ```ts
 * setSlice(heap, list, newInt(heap, 1), newInt(heap, 2), 0, toPy(heap, [7, 8])); // l[1:2] = [7, 8]
 * ```
 */
export function setSlice(heap: Heap, obj: Ref, lower: Ref, upper: Ref, step: Ref, value: Ref): void {
  if (is27(heap) && step === 0 && heap.kind[obj] === Kind.LIST && (heap.payload[heap.typ[obj]!] as TypeData).slots.setitem === undefined) {
    const n = (heap.payload[obj] as Ref[]).length;
    const { lo, hi } = simpleBounds27(heap, lower, upper, n);
    listAssignSlice(heap, obj, lo, hi, value);
    return;
  }
  const sl = newSlice(heap, lower, upper, step);
  try {
    if (value === 0) delItem(heap, obj, sl);
    else setItem(heap, obj, sl, value);
  } finally {
    heap.decref(sl);
  }
}

/**
 * `del obj[lower:upper:step]`.
 *
 * @example
 * ```ts
 * delSlice(heap, list, 0, 0, newInt(heap, 2)); // del l[::2]
 * ```
 */
export function delSlice(heap: Heap, obj: Ref, lower: Ref, upper: Ref, step: Ref): void {
  setSlice(heap, obj, lower, upper, step, 0);
}

/**
 * Install `getitem`/`setitem` slots on the builtin container types (inherited by subclasses).
 *
 * @example
 * ```ts
 * installSubscriptSlots(heap); // (installBuiltinTypes does this)
 * ```
 */
export function installSubscriptSlots(heap: Heap): void {
  const t = heap.t;
  const set = (type: Ref, get: (h: Heap, o: Ref, k: Ref) => Ref, ass?: (h: Heap, o: Ref, k: Ref, v: Ref) => void) => {
    if (type === 0) return;
    const s = (heap.payload[type] as TypeData).slots;
    s.getitem = get;
    if (ass !== undefined) s.setitem = ass;
  };
  set(t.list, listGetItem, listAssSubscript);
  set(t.tuple, tupleGetItem);
  set(t.str, strGetItem);
  if (t.unicode !== t.str) set(t.unicode, strGetItem);
  if (t.bytes !== t.str) set(t.bytes, bytesGetItem);
  set(t.dict, dictSubscript, (h, d, k, v) => {
    if (v === 0) {
      if (!dictDelItem(h, d, k)) throw keyError(h, k);
    } else dictSetItem(h, d, k, v);
  });
  set(t.range, rangeGetItem);
  set(t.mappingproxy, (h, m, k) => getItem(h, (h.payload[m] as Ref[])[0]!, k));
}
