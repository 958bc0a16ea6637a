/**
 * Iterator types the heap's bootstrap does not provide: `enumerate`, `reversed`, and in 3.12
 * `zip`, `map`, `filter`; plus the builtin iterators' Python-visible protocol (`__iter__`,
 * `__next__`/`next`, `__length_hint__`) and `callable_iterator` (`iter(f, sentinel)`).
 * Library iterators are NATIVE objects whose `refs` the collector traverses.
 */
import {
  call,
  CompareOp,
  getIter,
  type Heap,
  type IteratorData,
  IterMode,
  isTrue,
  iterNext,
  Kind,
  type NativeData,
  newInt,
  newTuple,
  newTupleSteal,
  type Ref,
  richCompareBool,
  type SetStore,
  type DictData,
} from '@heaplab/heap';
import * as A from '../arith.js';
import { libState } from '../state.js';
import { cpLength } from '../strutil.js';
import { newRange, rangeLength } from '../subscript.js';
import { callSpecialOrNull, checkArity, indexValue, type IntV, is27, newRef, parseArgs, pyErr,
  pyErrNoArgs, tpName, typeError } from '../util.js';
import { makeType, method, setSlot, tdOf } from './define.js';
import { newListReverseIterator } from './list.js';

function nativeData(heap: Heap, r: Ref): NativeData {
  return heap.payload[r] as NativeData;
}

function newNative(heap: Heap, typeName: string, refs: Ref[], ext: unknown, cls = 0): Ref {
  const type = cls || libState(heap).types.get(typeName)!;
  const data: NativeData = { refs, ext };
  const r = heap.alloc(type, Kind.NATIVE, data);
  heap.track(r);
  return r;
}

/** Drop every reference a finished iterator holds (CPython's iterators release on exhaustion where they do). */
function release(heap: Heap, r: Ref): void {
  const d = nativeData(heap, r);
  const refs = d.refs.splice(0, d.refs.length);
  for (const x of refs) heap.xdecref(x);
}

// ---- enumerate -----------------------------------------------------------------------------

/** `enumerate(iterable, start)` (new reference). */
function newEnumerate(heap: Heap, iterable: Ref, start: IntV, cls = 0): Ref {
  const it = getIter(heap, iterable);
  // en_result: a (None, None) tuple made up front, refilled by next() while nobody else holds it.
  let result: Ref;
  try {
    result = newTuple(heap, [heap.None, heap.None]);
  } catch (e) {
    heap.decref(it);
    throw e;
  }
  return newNative(heap, 'enumerate', [it, result], { index: start }, cls);
}

/**
 * The result-tuple reuse of enumerate/zip `next()`: when the cached tuple's only owner is the
 * iterator, it is returned again with new items (old items released in order) and, in 3.12, put
 * back under the collector if a collection had untracked it (bpo-42536). 0 if it cannot be reused.
 */
function reuseResult(heap: Heap, result: Ref | undefined): Ref {
  if (result === undefined || result === 0 || heap.rc[result] !== 1) return 0;
  heap.rc[result]++;
  return result;
}

function refillResult(heap: Heap, result: Ref, i: number, item: Ref): void {
  const items = heap.payload[result] as Ref[];
  const old = items[i]!;
  items[i] = item;
  heap.decref(old);
}

function retrackResult(heap: Heap, result: Ref): void {
  if (heap.profile.version !== '2.7' && !heap.isTracked(result)) heap.track(result);
}

function enumerateNext(heap: Heap, self: Ref): Ref {
  const d = nativeData(heap, self);
  const it = d.refs[0];
  if (it === undefined || it === 0) return 0;
  const x = iterNext(heap, it);
  if (x === 0) return 0;
  const ext = d.ext as { index: IntV };
  const i = newInt(heap, ext.index);
  ext.index = A.add(ext.index, 1);
  const result = reuseResult(heap, d.refs[1]);
  if (result !== 0) {
    const items = heap.payload[result] as Ref[];
    const oldIndex = items[0]!;
    const oldItem = items[1]!;
    items[0] = i;
    items[1] = x;
    heap.decref(oldIndex);
    heap.decref(oldItem);
    retrackResult(heap, result);
    return result;
  }
  return newTupleSteal(heap, [i, x]);
}

// ---- zip / map / filter (3.12) -----------------------------------------------------------------

function zipNext(heap: Heap, self: Ref): Ref {
  const d = nativeData(heap, self);
  // refs: [ittuple, result] (zip_traverse order).
  if (d.refs.length === 0) return 0;
  const its = heap.payload[d.refs[0]!] as Ref[];
  if (its.length === 0) return 0;
  const strict = (d.ext as { strict: boolean }).strict;
  const result = reuseResult(heap, d.refs[1]);
  const items: Ref[] = [];
  for (let i = 0; i < its.length; i++) {
    const x = iterNext(heap, its[i]!);
    if (x === 0) {
      if (result !== 0) heap.decref(result);
      for (const y of items) heap.decref(y);
      if (strict) {
        if (i > 0) {
          throw pyErr(heap, heap.t.ValueError, `zip() argument ${i + 1} is shorter than argument${i === 1 ? '' : 's'} 1${i === 1 ? '' : `-${i}`}`);
        }
        for (let j = 1; j < its.length; j++) {
          const y = iterNext(heap, its[j]!);
          if (y !== 0) {
            heap.decref(y);
            throw pyErr(heap, heap.t.ValueError, `zip() argument ${j + 1} is longer than argument${j === 1 ? '' : 's'} 1${j === 1 ? '' : `-${j}`}`);
          }
        }
      }
      return 0;
    }
    if (result !== 0) refillResult(heap, result, i, x);
    else items.push(x);
  }
  if (result !== 0) {
    retrackResult(heap, result);
    return result;
  }
  return newTupleSteal(heap, items);
}

function mapNext(heap: Heap, self: Ref): Ref {
  const d = nativeData(heap, self);
  if (d.refs.length === 0) return 0;
  // refs: [iters tuple, func] (map_traverse order).
  const its = heap.payload[d.refs[0]!] as Ref[];
  const fn = d.refs[1]!;
  const args: Ref[] = [];
  try {
    for (const it of its) {
      const x = iterNext(heap, it!);
      if (x === 0) return 0;
      args.push(x);
    }
    return call(heap, fn!, args);
  } finally {
    for (const x of args) heap.decref(x);
  }
}

function filterNext(heap: Heap, self: Ref): Ref {
  const d = nativeData(heap, self);
  if (d.refs.length === 0) return 0;
  // refs: [it, func] (filter_traverse order).
  const [it, fn] = d.refs;
  for (;;) {
    const x = iterNext(heap, it!);
    if (x === 0) return 0;
    let ok: boolean;
    try {
      if (fn === heap.None) ok = isTrue(heap, x);
      else {
        const r = call(heap, fn!, [x]);
        try {
          ok = isTrue(heap, r);
        } finally {
          heap.decref(r);
        }
      }
    } catch (e) {
      heap.decref(x);
      throw e;
    }
    if (ok) return x;
    heap.decref(x);
  }
}

// ---- reversed --------------------------------------------------------------------------------

/**
 * `reversed(seq)` (new reference): `seq.__reversed__()` if defined, else the sequence protocol
 * (`__len__` + `__getitem__`).
 *
 * @example
 * ```ts
 * reprOf(heap, reversedOf(heap, toPy(heap, [1, 2]))); // '<list_reverseiterator object at 0x...>'
 * ```
 */
export function reversedOf(heap: Heap, seq: Ref, cls = 0): Ref {
  const t = heap.t;
  if (cls === 0 || cls === libState(heap).types.get('reversed')) {
    if (heap.typ[seq] === t.list) return newListReverseIterator(heap, seq);
    if (heap.kind[seq] === Kind.RANGE) return rangeReversed(heap, seq);
    const r = callSpecialOrNull(heap, seq, '__reversed__', []);
    if (r !== 0) {
      if (r === heap.None) {
        heap.decref(r);
        throw typeError(heap, `'${tpName(heap, seq)}' object is not reversible`);
      }
      return r;
    }
  }
  const td = tdOf(heap, heap.typ[seq]!);
  const k = heap.kind[seq];
  const isSeq = k === Kind.TUPLE || k === Kind.STR || k === Kind.BYTES || k === Kind.LIST || td.slots.getitem !== undefined;
  // Weakref proxies only have the mapping form of subscription (no sq_item): not sequences.
  if (!isSeq || k === Kind.DICT || k === Kind.SET || k === Kind.FROZENSET || k === Kind.WEAKREF) {
    throw typeError(heap, is27(heap) ? 'argument to reversed() must be a sequence' : `'${tpName(heap, seq)}' object is not reversible`);
  }
  let n: number;
  if (k === Kind.STR) n = cpLength(heap.payload[seq] as string);
  else if (k === Kind.TUPLE || k === Kind.LIST) n = (heap.payload[seq] as Ref[]).length;
  else if (k === Kind.BYTES) n = (heap.payload[seq] as string).length;
  else {
    const lr = callSpecialOrNull(heap, seq, '__len__', []);
    if (lr === 0) throw typeError(heap, is27(heap) ? 'argument to reversed() must be a sequence' : `'${tpName(heap, seq)}' object is not reversible`);
    try {
      n = Number(indexValue(heap, lr));
    } finally {
      heap.decref(lr);
    }
  }
  heap.incref(seq);
  return newNative(heap, 'reversed', [seq], { index: n - 1 }, cls);
}

function reversedNext(heap: Heap, self: Ref): Ref {
  const d = nativeData(heap, self);
  const seq = d.refs[0];
  if (seq === undefined || seq === 0) return 0;
  const ext = d.ext as { index: number };
  if (ext.index < 0) {
    release(heap, self);
    return 0;
  }
  const idx = newInt(heap, ext.index);
  try {
    const getitem = tdOf(heap, heap.typ[seq]!).slots.getitem!;
    const r = getitem(heap, seq, idx);
    ext.index--;
    return r;
  } catch (e) {
    if (heap.isExceptionOf(e, heap.t.IndexError) || heap.isExceptionOf(e, heap.t.StopIteration)) {
      heap.decref(e.exc);
      ext.index = -1;
      release(heap, self);
      return 0;
    }
    throw e;
  } finally {
    heap.decref(idx);
  }
}

function rangeReversed(heap: Heap, r: Ref): Ref {
  const rg = heap.payload[r] as { start: number; stop: number; step: number };
  const n = rangeLength(rg);
  const last = rg.start + (n - 1) * rg.step;
  const rev = newRange(heap, last, rg.start - rg.step, -rg.step);
  try {
    return getIter(heap, rev);
  } finally {
    heap.decref(rev);
  }
}

// ---- callable_iterator -----------------------------------------------------------------------

/**
 * `iter(callable, sentinel)` (new reference).
 *
 * @example
 * ```ts
 * const it = newCallableIterator(heap, fn, heap.None); // iter(fn, None)
 * ```
 */
export function newCallableIterator(heap: Heap, fn: Ref, sentinel: Ref): Ref {
  heap.incref(fn);
  heap.incref(sentinel);
  const data: NativeData = { refs: [fn, sentinel] };
  const r = heap.alloc(heap.t.callable_iterator, Kind.NATIVE, data);
  heap.track(r);
  return r;
}

function callableNext(heap: Heap, self: Ref): Ref {
  const d = nativeData(heap, self);
  if (d.refs.length === 0) return 0;
  const [fn, sentinel] = d.refs;
  let r: Ref;
  try {
    r = call(heap, fn!, []);
  } catch (e) {
    if (heap.isExceptionOf(e, heap.t.StopIteration)) {
      heap.decref(e.exc);
      release(heap, self);
      return 0;
    }
    throw e;
  }
  let eq: boolean;
  try {
    eq = r === sentinel || richCompareBool(heap, r, sentinel!, CompareOp.EQ);
  } catch (e) {
    heap.decref(r);
    throw e;
  }
  if (eq) {
    heap.decref(r);
    release(heap, self);
    return 0;
  }
  return r;
}

/** `__length_hint__` of a builtin iterator. */
function lengthHint(heap: Heap, it: Ref): number {
  const d = heap.payload[it] as IteratorData;
  const seq = d.seq;
  if (seq === 0) return 0;
  switch (d.mode) {
    case IterMode.SEQUENCE:
      return Math.max(0, (heap.payload[seq] as Ref[]).length - d.index);
    case IterMode.REVERSED:
      return d.index < (heap.payload[seq] as Ref[]).length ? d.index + 1 : 0;
    case IterMode.STR:
      return Math.max(0, cpLength((heap.payload[seq] as string).slice(d.index)));
    case IterMode.DICT_KEYS:
    case IterMode.DICT_VALUES:
    case IterMode.DICT_ITEMS: {
      const store = (heap.payload[seq] as DictData).store;
      let n = 0;
      for (let p = store.next(d.index); p >= 0; p = store.next(p + 1)) n++;
      return n;
    }
    case IterMode.SET: {
      const store = heap.payload[seq] as SetStore;
      let n = 0;
      for (let p = store.next(d.index); p >= 0; p = store.next(p + 1)) n++;
      return n;
    }
    case IterMode.RANGE: {
      const rg = heap.payload[seq] as { start: number; stop: number; step: number };
      return rangeLength({ start: d.index, stop: rg.stop, step: rg.step });
    }
  }
  return 0;
}

/**
 * Install iterator types and protocol methods.
 *
 * @example
 * ```ts
 * installIteratorTypes(heap); // (installBuiltinTypes does this)
 * ```
 */
export function installIteratorTypes(heap: Heap): void {
  const t = heap.t;
  const v27 = is27(heap);
  const nextName = v27 ? 'next' : '__next__';

  const E = makeType(heap, { name: 'enumerate', basetype: true, slots: { iternext: enumerateNext } });
  const R = makeType(heap, { name: 'reversed', basetype: true, slots: { iternext: reversedNext } });
  const natives: Ref[] = [E, R];
  if (!v27) {
    natives.push(makeType(heap, { name: 'zip', basetype: true, slots: { iternext: zipNext } }));
    natives.push(makeType(heap, { name: 'map', basetype: true, slots: { iternext: mapNext } }));
    natives.push(makeType(heap, { name: 'filter', basetype: true, slots: { iternext: filterNext } }));
  }
  // Class constructors (so `enumerate(...)`, `zip(...)`... are types that can be called and subclassed).
  defineCtor(heap, E, (h, cls, args, kw) => {
    if (!v27 && args.length === 0) throw typeError(h, "enumerate() missing required argument 'iterable'");
    const [it, start] = parseArgs(h, args, kw, { fname: 'enumerate', names: [v27 ? 'sequence' : 'iterable', 'start'], required: 1 });
    const sv = start === 0 ? 0 : indexValue(h, start!);
    return newEnumerate(h, it!, sv, cls === E ? 0 : cls);
  });
  defineCtor(heap, R, (h, cls, args, kw) => {
    if (kw !== null && kw.length > 0) throw typeError(h, 'reversed() takes no keyword arguments');
    checkArity(h, 'reversed', args, kw, 1, 1, v27 ? 'unpack' : 'unpack');
    return reversedOf(h, args[0]!, cls === R ? 0 : cls);
  });
  if (!v27) {
    const [Z, M, F] = natives.slice(2) as [Ref, Ref, Ref];
    defineCtor(heap, Z, (h, cls, args, kw) => {
      let strict = false;
      const n = args.length - (kw?.length ?? 0);
      if (kw !== null) {
        kw.forEach((k, j) => {
          if (k !== 'strict') throw typeError(h, `zip() got an unexpected keyword argument '${k}'`);
          strict = isTrue(h, args[n + j]!);
        });
      }
      const its: Ref[] = [];
      try {
        for (let i = 0; i < n; i++) its.push(getIter(h, args[i]!));
      } catch (e) {
        for (const x of its) h.decref(x);
        throw e;
      }
      const ittuple = newTupleSteal(h, its);
      let result: Ref;
      try {
        result = newTuple(h, its.map(() => h.None));
      } catch (e) {
        h.decref(ittuple);
        throw e;
      }
      return newNative(h, 'zip', [ittuple, result], { strict }, cls === Z ? 0 : cls);
    });
    defineCtor(heap, M, (h, cls, args, kw) => {
      if (kw !== null && kw.length > 0) throw typeError(h, 'map() takes no keyword arguments');
      if (args.length < 2) throw typeError(h, 'map() must have at least two arguments.');
      const its: Ref[] = [];
      try {
        for (let i = 1; i < args.length; i++) its.push(getIter(h, args[i]!));
      } catch (e) {
        for (const x of its) h.decref(x);
        throw e;
      }
      return newNative(h, 'map', [newTupleSteal(h, its), newRef(h, args[0]!)], null, cls === M ? 0 : cls);
    });
    defineCtor(heap, F, (h, cls, args, kw) => {
      if (kw !== null && kw.length > 0) throw typeError(h, 'filter() takes no keyword arguments');
      checkArity(h, 'filter', args, kw, 2, 2, 'unpack');
      const it = getIter(h, args[1]!);
      return newNative(h, 'filter', [it, newRef(h, args[0]!)], null, cls === F ? 0 : cls);
    });
  }
  for (const type of natives) {
    method(heap, type, '__iter__', (h, self) => newRef(h, self));
    method(heap, type, nextName, (h, self) => {
      const r = tdOf(h, h.typ[self]!).slots.iternext!(h, self);
      if (r === 0) throw pyErrNoArgs(h, h.t.StopIteration);
      return r;
    });
  }
  method(heap, R, '__length_hint__', (h, self) => newInt(h, Math.max(0, ((nativeData(h, self).ext as { index: number }).index ?? -1) + 1)));

  // callable_iterator (iter(f, sentinel)) uses NATIVE objects with our iternext.
  setSlot(heap, t.callable_iterator, 'iternext', callableNext);
  method(heap, t.callable_iterator, '__iter__', (h, self) => newRef(h, self));
  method(heap, t.callable_iterator, nextName, (h, self) => {
    const r = callableNext(h, self);
    if (r === 0) throw pyErrNoArgs(h, h.t.StopIteration);
    return r;
  });

  // The heap's builtin iterators.
  const builtinIters = [
    t.list_iterator,
    t.list_reverseiterator,
    t.tuple_iterator,
    t.str_iterator,
    t.dict_keyiterator,
    t.dict_valueiterator,
    t.dict_itemiterator,
    t.set_iterator,
    t.range_iterator,
    t.iterator,
  ];
  for (const type of new Set(builtinIters)) {
    if (type === 0) continue;
    method(heap, type, '__iter__', (h, self) => newRef(h, self));
    method(heap, type, nextName, (h, self) => {
      const r = iterNext(h, self);
      if (r === 0) throw pyErrNoArgs(h, h.t.StopIteration);
      return r;
    });
    method(heap, type, '__length_hint__', (h, self) => newInt(h, h.kind[self] === Kind.ITERATOR ? lengthHint(h, self) : 0));
  }
}

function defineCtor(heap: Heap, type: Ref, fn: (heap: Heap, cls: Ref, args: readonly Ref[], kw: readonly string[] | null) => Ref): void {
  // Use `__new__` so subclasses work through typeCall.
  const { defineNew } = defineMod;
  defineNew(heap, type, fn);
}

import * as defineMod from './define.js';
