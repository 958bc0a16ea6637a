/**
 * The iteration protocol: `iter(obj)` and `next(it)` for builtin containers (list, tuple, str,
 * dict and its views, set, range), objects with `__iter__`/`__next__`, and old-style sequences
 * with `__getitem__`. Builtin iterators are heap objects (`list_iterator`, `dict_keyiterator`...)
 * that hold a reference to what they iterate, as in CPython.
 */
import { PyException } from './errors.js';
import type { Heap } from './heap.js';
import { Kind } from './kinds.js';
import type { IteratorData } from './layouts.js';
import { newInt, newStr, newTuple, type DictData } from './objects.js';
import { call } from './protocol.js';
import type { Ref } from './ref.js';
import type { SetStore } from './set.js';
import type { TypeData } from './typedata.js';

/** What a builtin iterator produces. */
export const IterMode = {
  SEQUENCE: 0,
  DICT_KEYS: 1,
  DICT_VALUES: 2,
  DICT_ITEMS: 3,
  SET: 4,
  RANGE: 5,
  GETITEM: 6,
  CALLABLE: 7,
  REVERSED: 8,
  STR: 9,
} as const;

function newIterator(heap: Heap, type: Ref, seq: Ref, mode: number, guard: number, index = 0): Ref {
  heap.incref(seq);
  const data: IteratorData = { seq, index, mode, guard };
  const r = heap.alloc(type, Kind.ITERATOR, data);
  if (mode === IterMode.DICT_ITEMS) addItemsResult(heap, data);
  if (heap.isGc(r)) heap.track(r);
  return r;
}

/**
 * Give a dict item iterator its cached `(None, None)` result tuple (dictiter_new's di_result),
 * made after the iterator itself. Exported for the 2.7 `dict.iteritems()`.
 */
export function addItemsResult(heap: Heap, data: IteratorData): void {
  data.result = newTuple(heap, [heap.None, heap.None]);
}

/**
 * `iter(obj)` (new reference). TypeError if the object is not iterable.
 *
 * @example
 * ```ts
 * import { Heap, getIter, iterNext, toPy, intValue } from '@heaplab/heap';
 * const heap = new Heap();
 * const it = getIter(heap, toPy(heap, [7, 8]));
 * intValue(heap, iterNext(heap, it)); // 7
 * ```
 */
export function getIter(heap: Heap, obj: Ref): Ref {
  const td = heap.payload[heap.typ[obj]!] as TypeData;
  if (td.slots.iter !== undefined) {
    const it = td.slots.iter(heap, obj);
    const itd = heap.payload[heap.typ[it]!] as TypeData;
    if (itd.slots.iternext === undefined && heap.kind[it] !== Kind.ITERATOR) {
      const name = heap.typeName(it);
      heap.decref(it);
      throw heap.newException(heap.t.TypeError, heap.profile.version === '2.7' ? `iter() returned non-iterator of type '${name}'` : `iter() returned non-iterator of type '${name}'`);
    }
    return it;
  }
  const t = heap.t;
  switch (heap.kind[obj]) {
    case Kind.LIST:
      return newIterator(heap, t.list_iterator, obj, IterMode.SEQUENCE, 0);
    case Kind.TUPLE:
      return newIterator(heap, t.tuple_iterator, obj, IterMode.SEQUENCE, 0);
    case Kind.STR:
    case Kind.BYTES:
      return newIterator(heap, t.str_iterator, obj, IterMode.STR, 0);
    case Kind.DICT:
      return newIterator(heap, t.dict_keyiterator, obj, IterMode.DICT_KEYS, (heap.payload[obj] as DictData).store.used);
    case Kind.SET:
    case Kind.FROZENSET:
      return newIterator(heap, t.set_iterator, obj, IterMode.SET, (heap.payload[obj] as SetStore).used);
    case Kind.RANGE: {
      const rg = heap.payload[obj] as { start: number; stop: number; step: number };
      return newIterator(heap, t.range_iterator, obj, IterMode.RANGE, 0, rg.start);
    }
    case Kind.ITERATOR:
      heap.incref(obj);
      return obj;
    case Kind.DICTVIEW: {
      const d = (heap.payload[obj] as Ref[])[0]!;
      const used = (heap.payload[d] as DictData).store.used;
      const vt = heap.typ[obj];
      if (vt === t.dict_values) return newIterator(heap, t.dict_valueiterator, d, IterMode.DICT_VALUES, used);
      if (vt === t.dict_items) return newIterator(heap, t.dict_itemiterator, d, IterMode.DICT_ITEMS, used);
      return newIterator(heap, t.dict_keyiterator, d, IterMode.DICT_KEYS, used);
    }
  }
  if (td.slots.iternext !== undefined) {
    heap.incref(obj);
    return obj;
  }
  if (td.slots.getitem !== undefined) return newIterator(heap, t.iterator, obj, IterMode.GETITEM, 0);
  throw heap.newException(heap.t.TypeError, heap.profile.version === '2.7' ? `'${heap.typeName(obj)}' object is not iterable` : `'${heap.typeName(obj)}' object is not iterable`);
}

/** `next(it)`: a new reference, or 0 when the iterator is exhausted. */
export function iterNext(heap: Heap, it: Ref): Ref {
  const td = heap.payload[heap.typ[it]!] as TypeData;
  if (td.slots.iternext !== undefined) return td.slots.iternext(heap, it);
  if (heap.kind[it] !== Kind.ITERATOR) {
    throw heap.newException(heap.t.TypeError, `'${heap.typeName(it)}' object is not an iterator`);
  }
  const d = heap.payload[it] as IteratorData;
  const seq = d.seq;
  if (seq === 0) return 0;
  switch (d.mode) {
    case IterMode.SEQUENCE: {
      const items = heap.payload[seq] as Ref[];
      if (d.index < items.length) {
        const r = items[d.index++]!;
        heap.incref(r);
        return r;
      }
      break;
    }
    case IterMode.REVERSED: {
      const items = heap.payload[seq] as Ref[];
      if (d.index >= 0 && d.index < items.length) {
        const r = items[d.index--]!;
        heap.incref(r);
        return r;
      }
      break;
    }
    case IterMode.STR: {
      const s = heap.payload[seq] as string;
      if (d.index < s.length) {
        const cp = s.codePointAt(d.index)!;
        const ch = String.fromCodePoint(cp);
        d.index += ch.length;
        return newStr(heap, ch);
      }
      break;
    }
    case IterMode.DICT_KEYS:
    case IterMode.DICT_VALUES:
    case IterMode.DICT_ITEMS: {
      const store = (heap.payload[seq] as DictData).store;
      if (store.used !== d.guard) {
        d.guard = -1;
        throw heap.newException(heap.t.RuntimeError, 'dictionary changed size during iteration');
      }
      const p = store.next(d.index);
      if (p >= 0) {
        d.index = p + 1;
        const k = store.keyAt(p);
        const v = store.valueAt(p);
        if (d.mode === IterMode.DICT_KEYS) {
          heap.incref(k);
          return k;
        }
        if (d.mode === IterMode.DICT_VALUES) {
          heap.incref(v);
          return v;
        }
        const result = d.result ?? 0;
        if (result !== 0 && heap.rc[result] === 1) {
          // Only the iterator holds its result tuple: refill and return it again.
          const items = heap.payload[result] as Ref[];
          const oldKey = items[0]!;
          const oldValue = items[1]!;
          heap.incref(k);
          heap.incref(v);
          items[0] = k;
          items[1] = v;
          heap.rc[result]++;
          heap.decref(oldKey);
          heap.decref(oldValue);
          // 3.12 (bpo-42536): a collection may have untracked the tuple; track it again.
          if (heap.profile.version !== '2.7' && !heap.isTracked(result)) heap.track(result);
          return result;
        }
        return newTuple(heap, [k, v]);
      }
      break;
    }
    case IterMode.SET: {
      const store = heap.payload[seq] as SetStore;
      if (store.used !== d.guard) {
        d.guard = -1;
        throw heap.newException(heap.t.RuntimeError, 'Set changed size during iteration');
      }
      const p = store.next(d.index);
      if (p >= 0) {
        d.index = p + 1;
        const k = store.keyAt(p);
        heap.incref(k);
        return k;
      }
      break;
    }
    case IterMode.RANGE: {
      const rg = heap.payload[seq] as { start: number; stop: number; step: number };
      if (rg.step > 0 ? d.index < rg.stop : d.index > rg.stop) {
        const v = d.index;
        d.index += rg.step;
        return newInt(heap, v);
      }
      break;
    }
    case IterMode.GETITEM: {
      const idx = newInt(heap, d.index);
      try {
        const getitem = (heap.payload[heap.typ[seq]!] as TypeData).slots.getitem!;
        const r = getitem(heap, seq, idx);
        d.index++;
        return r;
      } catch (e) {
        if (e instanceof PyException && (heap.isExceptionOf(e, heap.t.IndexError) || heap.isExceptionOf(e, heap.t.StopIteration))) {
          e.release(heap);
          break;
        }
        throw e;
      } finally {
        heap.decref(idx);
      }
    }
    case IterMode.CALLABLE: {
      const sentinel = d.guard;
      const r = call(heap, seq, []);
      if (r === sentinel) {
        heap.decref(r);
        break;
      }
      return r;
    }
  }
  // Exhausted: drop the reference to the iterated object, as CPython's iterators do.
  d.seq = 0;
  heap.decref(seq);
  return 0;
}

/**
 * Iterate `iterable` to the end, collecting new references (the caller releases them).
 *
 * @example
 * ```ts
 * import { Heap, iterateToArray, toPy } from '@heaplab/heap';
 * const heap = new Heap();
 * iterateToArray(heap, toPy(heap, 'ab')).length; // 2
 * ```
 */
export function iterateToArray(heap: Heap, iterable: Ref): Ref[] {
  const it = getIter(heap, iterable);
  const out: Ref[] = [];
  try {
    for (;;) {
      const x = iterNext(heap, it);
      if (x === 0) break;
      out.push(x);
    }
  } catch (e) {
    for (const x of out) heap.decref(x);
    throw e;
  } finally {
    heap.decref(it);
  }
  return out;
}
