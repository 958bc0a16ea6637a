/**
 * dict operations the mappings need beyond the heap's basics: `popitem`, `pop`, iterators over
 * keys/values/items as heap iterator objects, and the `dict(other)` conversion of `update`.
 */
import {
  HASH_HI,
  IterMode,
  Kind,
  PyException,
  call,
  dictGetItem,
  dictSetItem,
  getAttrOrNull,
  getIter,
  hashOf,
  iterNext,
  length,
  newDict,
  newTuple,
  type DictData,
  type Heap,
  type IteratorData,
  type Ref,
} from '@heaplab/heap';
import { forEachItem, pyErrObj } from './util.js';

/** A dict iterator object (`dict_keyiterator`, `dict_valueiterator`, `dict_itemiterator`) over `d`. */
export function newDictIter(heap: Heap, d: Ref, what: 'keys' | 'values' | 'items'): Ref {
  const t = heap.t;
  const type = what === 'keys' ? t.dict_keyiterator : what === 'values' ? t.dict_valueiterator : t.dict_itemiterator;
  const mode = what === 'keys' ? IterMode.DICT_KEYS : what === 'values' ? IterMode.DICT_VALUES : IterMode.DICT_ITEMS;
  heap.incref(d);
  const data: IteratorData = { seq: d, index: 0, mode, guard: (heap.payload[d] as DictData).store.used };
  const r = heap.alloc(type, Kind.ITERATOR, data);
  heap.track(r);
  return r;
}

/** `d.popitem()` as `[key, value]` (new references); KeyError when empty. */
export function dictPopItem(heap: Heap, d: Ref): [Ref, Ref] {
  const store = (heap.payload[d] as DictData).store;
  const pos = store.last();
  if (pos < 0) throw heap.newException(heap.t.KeyError, 'popitem(): dictionary is empty');
  const k = store.keyAt(pos);
  const v = store.valueAt(pos);
  store.removeAt(pos);
  return [k, v];
}

/** `d.pop(key)` as a new reference (the table's), or 0 if absent. */
export function dictPop(heap: Heap, d: Ref, key: Ref): Ref {
  const lo = hashOf(heap, key);
  const hi = HASH_HI[0]!;
  const store = (heap.payload[d] as DictData).store;
  const pos = store.find(key, lo, hi, heap.dictEqFn);
  if (pos < 0) return 0;
  const k = store.keyAt(pos);
  const v = store.valueAt(pos);
  store.removeAt(pos);
  heap.decref(k);
  return v;
}

/** `d[key]` as a borrowed ref; KeyError(key) when absent. */
export function dictItemOrKeyError(heap: Heap, d: Ref, key: Ref): Ref {
  const v = dictGetItem(heap, d, key);
  if (v === 0) throw pyErrObj(heap, heap.t.KeyError, key);
  return v;
}

/**
 * Call `fn(key, value)` for each pair of `other` the way `update` reads it: `other.items()` when
 * it has `items`, otherwise `dict(other)` (an iterable of pairs). Keys and values are borrowed.
 */
export function forEachPair(heap: Heap, other: Ref, fn: (k: Ref, v: Ref) => void): void {
  if (heap.kind[other] === Kind.DICT && heap.typ[other] === heap.t.dict) {
    const store = (heap.payload[other] as DictData).store;
    const pairs: Ref[] = [];
    for (let p = store.next(0); p >= 0; p = store.next(p + 1)) pairs.push(store.keyAt(p), store.valueAt(p));
    for (const r of pairs) heap.incref(r);
    try {
      for (let i = 0; i < pairs.length; i += 2) fn(pairs[i]!, pairs[i + 1]!);
    } finally {
      for (const r of pairs) heap.decref(r);
    }
    return;
  }
  const items = getAttrOrNull(heap, other, 'items');
  if (items !== 0) {
    let view: Ref;
    try {
      view = call(heap, items, []);
    } finally {
      heap.decref(items);
    }
    try {
      forEachItem(heap, view, (pair) => {
        const [k, v] = unpackPair(heap, pair, -1);
        try {
          fn(k, v);
        } finally {
          heap.decref(k);
          heap.decref(v);
        }
      });
    } finally {
      heap.decref(view);
    }
    return;
  }
  const d = dictFromPairs(heap, other);
  try {
    forEachPair(heap, d, fn);
  } finally {
    heap.decref(d);
  }
}

/** `dict(iterable_of_pairs)` with CPython's element errors. */
export function dictFromPairs(heap: Heap, iterable: Ref): Ref {
  const d = newDict(heap);
  try {
    let i = 0;
    forEachItem(heap, iterable, (pair) => {
      const [k, v] = unpackPair(heap, pair, i);
      try {
        dictSetItem(heap, d, k, v);
      } finally {
        heap.decref(k);
        heap.decref(v);
      }
      i++;
    });
  } catch (e) {
    heap.decref(d);
    throw e;
  }
  return d;
}

/** Unpack a 2-item sequence into new references. `index` >= 0 gives dict()'s messages. */
function unpackPair(heap: Heap, pair: Ref, index: number): [Ref, Ref] {
  const k = heap.kind[pair];
  if (k === Kind.TUPLE || k === Kind.LIST) {
    const items = heap.payload[pair] as Ref[];
    if (items.length === 2) return [heap.newRef(items[0]!), heap.newRef(items[1]!)];
    if (index >= 0) {
      throw heap.newException(heap.t.ValueError, `dictionary update sequence element #${index} has length ${items.length}; 2 is required`);
    }
    const is27 = heap.profile.version === '2.7';
    let msg: string;
    if (items.length > 2) msg = is27 ? 'too many values to unpack' : 'too many values to unpack (expected 2)';
    else if (is27) msg = `need more than ${items.length} value${items.length === 1 ? '' : 's'} to unpack`;
    else msg = `not enough values to unpack (expected 2, got ${items.length})`;
    throw heap.newException(heap.t.ValueError, msg);
  }
  let it: Ref;
  try {
    it = getIter(heap, pair);
  } catch (e) {
    if (index >= 0 && e instanceof PyException && heap.isExceptionOf(e, heap.t.TypeError)) {
      heap.decref(e.exc);
      throw heap.newException(heap.t.TypeError, `cannot convert dictionary update sequence element #${index} to a sequence`);
    }
    throw e;
  }
  const got: Ref[] = [];
  try {
    for (;;) {
      const x = iterNext(heap, it);
      if (x === 0) break;
      got.push(x);
    }
  } finally {
    heap.decref(it);
  }
  if (got.length === 2) return [got[0]!, got[1]!];
  for (const x of got) heap.decref(x);
  throw heap.newException(heap.t.ValueError, `dictionary update sequence element #${Math.max(index, 0)} has length ${got.length}; 2 is required`);
}

/** A `(a, b)` tuple (new reference; items borrowed). */
export function pair(heap: Heap, a: Ref, b: Ref): Ref {
  return newTuple(heap, [a, b]);
}

/** `len(obj)` for list-like attributes. */
export function lengthOf(heap: Heap, r: Ref): number {
  return length(heap, r);
}
