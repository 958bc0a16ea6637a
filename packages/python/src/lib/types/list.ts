/**
 * list and tuple: constructors, methods (append, extend, insert, pop, remove, index, count,
 * sort with CPython's timsort, reverse, copy, clear), concatenation and repetition slots,
 * comparison and hashing dunders.
 */
import {
  lengthHintAllocations,
  CompareOp,
  HASH_HI,
  hashOf,
  hashToBigInt,
  type Heap,
  IterMode,
  isTrue,
  Kind,
  listAppend,
  listClear,
  listSetSlice,
  newInt,
  newList,
  newTuple,
  newTupleSteal,
  type Ref,
  reprOf,
  richCompareBool,
  type IteratorData,
  call,
  newStr,
  builtinRepr,
} from '@heaplab/heap';
import { builtinRich, containsOp } from '../compare.js';
import { registerSeq } from '../state.js';
import { timsort } from '../sort.js';
import { getItem, setItem, delItem } from '../subscript.js';
import {
  checkArity,
  collect,
  decrefAll,
  forEach,
  indexValueOrNull,
  is27,
  methName,
  newRef,
  none,
  notImpl,
  parseArgs,
  pyBool,
  pyErr,
  pyErrNoArgs,
  ssizeValue,
  tpName,
  typeError,
} from '../util.js';
import { allocOf, defineNew, method, setSlot } from './define.js';

// ============================================================================================
// Sequence slots
// ============================================================================================

function listConcat(heap: Heap, v: Ref, w: Ref): Ref {
  if (heap.kind[w] !== Kind.LIST) throw typeError(heap, `can only concatenate list (not "${tpName(heap, w)}") to list`);
  const a = heap.payload[v] as Ref[];
  const b = heap.payload[w] as Ref[];
  return newList(heap, a.concat(b));
}

function tupleConcat(heap: Heap, v: Ref, w: Ref): Ref {
  if (heap.kind[w] !== Kind.TUPLE) throw typeError(heap, `can only concatenate tuple (not "${tpName(heap, w)}") to tuple`);
  const a = heap.payload[v] as Ref[];
  const b = heap.payload[w] as Ref[];
  if (a.length === 0 && heap.typ[w] === heap.t.tuple) return newRef(heap, w);
  if (b.length === 0 && heap.typ[v] === heap.t.tuple) return newRef(heap, v);
  return newTuple(heap, a.concat(b));
}

function repeatItems(heap: Heap, items: readonly Ref[], n: number): Ref[] {
  if (n <= 0 || items.length === 0) return [];
  if (items.length * n > 1e8) throw pyErrNoArgs(heap, heap.t.MemoryError);
  const out = new Array<Ref>(items.length * n);
  for (let k = 0, p = 0; k < n; k++) for (let i = 0; i < items.length; i++) out[p++] = items[i]!;
  return out;
}

function listRepeat(heap: Heap, l: Ref, n: number): Ref {
  return newList(heap, repeatItems(heap, heap.payload[l] as Ref[], n));
}

function tupleRepeat(heap: Heap, t: Ref, n: number): Ref {
  const items = heap.payload[t] as Ref[];
  if (n === 1 && heap.typ[t] === heap.t.tuple) return newRef(heap, t);
  return newTuple(heap, repeatItems(heap, items, n));
}

/** `list.extend(iterable)` (also `+=`). */
function listExtend(heap: Heap, l: Ref, iterable: Ref): void {
  const k = heap.kind[iterable];
  if (k === Kind.LIST || k === Kind.TUPLE) {
    const src = (heap.payload[iterable] as Ref[]).slice();
    const items = heap.payload[l] as Ref[];
    for (const x of src) {
      heap.incref(x);
      items.push(x);
    }
    return;
  }
  lengthHintAllocations(heap, iterable);
  forEach(heap, iterable, (x) => {
    listAppend(heap, l, x);
  });
}

function listInplaceConcat(heap: Heap, v: Ref, w: Ref): Ref {
  listExtend(heap, v, w);
  return newRef(heap, v);
}

function listInplaceRepeat(heap: Heap, l: Ref, n: number): Ref {
  const items = heap.payload[l] as Ref[];
  if (n <= 0) listClear(heap, l);
  else if (n > 1 && items.length > 0) {
    const add = repeatItems(heap, items, n - 1);
    for (const x of add) heap.incref(x);
    items.push(...add);
  }
  return newRef(heap, l);
}

// ============================================================================================
// Sorting
// ============================================================================================

/**
 * `list.sort(key=..., reverse=...)` (and 2.7's `cmp`): the list is emptied while sorting (so
 * changes are detected: "list modified during sort"), keys are computed first, and timsort's
 * comparison sequence is CPython's.
 *
 * @example
 * ```ts
 * sortList(heap, toPy(heap, [3, 1, 2]), 0, false); // [1, 2, 3]
 * ```
 */
export function sortList(heap: Heap, l: Ref, key: Ref, reverse: boolean, cmp: Ref = 0): void {
  const saved = heap.payload[l] as Ref[];
  heap.payload[l] = [];
  let keys: Ref[] | null = null;
  let error: unknown = null;
  try {
    if (key !== 0 && key !== heap.None) {
      keys = [];
      for (const x of saved) keys.push(call(heap, key, [x]));
    }
    const n = saved.length;
    const idx = Array.from({ length: n }, (_, i) => i);
    const ks = keys ?? saved;
    if (reverse) idx.reverse();
    let lt: (a: number, b: number) => boolean;
    if (cmp !== 0 && cmp !== heap.None) {
      lt = (a, b) => {
        const r = call(heap, cmp, [ks[a]!, ks[b]!]);
        try {
          const k = heap.kind[r];
          if (k !== Kind.INT && k !== Kind.BOOL) throw typeError(heap, `comparison function must return int, not ${tpName(heap, r)}`);
          const v = heap.payload[r] as number | bigint;
          return typeof v === 'bigint' ? v < 0n : v < 0;
        } finally {
          heap.decref(r);
        }
      };
    } else lt = (a, b) => richCompareBool(heap, ks[a]!, ks[b]!, CompareOp.LT);
    try {
      timsort(idx, lt, is27(heap) ? 'classic' : 'powersort');
    } finally {
      if (reverse) idx.reverse();
      const sorted = idx.map((i) => saved[i]!);
      for (let i = 0; i < n; i++) saved[i] = sorted[i]!;
    }
  } catch (e) {
    error = e;
  } finally {
    if (keys !== null) decrefAll(heap, keys);
    const during = heap.payload[l] as Ref[];
    heap.payload[l] = saved;
    if (during.length > 0 && error === null) {
      for (let i = during.length - 1; i >= 0; i--) heap.decref(during[i]!);
      error = pyErr(heap, heap.t.ValueError, 'list modified during sort');
    } else if (during.length > 0) {
      for (let i = during.length - 1; i >= 0; i--) heap.decref(during[i]!);
    }
  }
  if (error !== null) throw error;
}

/**
 * Parse the arguments of `list.sort` / `sorted` after the iterable.
 *
 * @example
 * ```ts
 * sortArgs(heap, 'sort', [heap.True], ['reverse']); // { key: 0, reverse: true, cmp: 0 }
 * ```
 */
export function sortArgs(heap: Heap, fname: string, args: readonly Ref[], kwnames: readonly string[] | null): { key: Ref; reverse: boolean; cmp: Ref } {
  if (is27(heap)) {
    const [cmp, key, rev] = parseArgs(heap, args, kwnames, { fname, names: ['cmp', 'key', 'reverse'], required: 0 });
    let reverse = false;
    if (rev !== 0) {
      const k = heap.kind[rev!];
      if (k !== Kind.INT && k !== Kind.BOOL) throw typeError(heap, k === Kind.FLOAT ? 'integer argument expected, got float' : 'an integer is required');
      reverse = isTrue(heap, rev!);
    }
    return { key: key || 0, reverse, cmp: cmp || 0 };
  }
  const n = args.length - (kwnames?.length ?? 0);
  if (n > 0) throw typeError(heap, `${fname}() takes no positional arguments`);
  if (kwnames !== null) {
    for (const k of kwnames) {
      if (k !== 'key' && k !== 'reverse') {
        if (kwnames.length > 2) throw typeError(heap, `${fname}() takes at most 2 keyword arguments (${kwnames.length} given)`);
        throw typeError(heap, `'${k}' is an invalid keyword argument for ${fname}()`);
      }
    }
  }
  const [key, rev] = parseArgs(heap, args, kwnames, { fname, names: [], required: 0, kwOnly: ['key', 'reverse'] });
  return { key: key || 0, reverse: rev !== 0 && rev !== undefined && isTrue(heap, rev), cmp: 0 };
}

// ============================================================================================
// Installation
// ============================================================================================

/**
 * A reverse iterator over a list (`list_reverseiterator`).
 *
 * @example
 * ```ts
 * iterNext(heap, newListReverseIterator(heap, toPy(heap, [1, 2]))); // 2
 * ```
 */
export function newListReverseIterator(heap: Heap, l: Ref): Ref {
  heap.incref(l);
  const data: IteratorData = { seq: l, index: (heap.payload[l] as Ref[]).length - 1, mode: IterMode.REVERSED, guard: 0 };
  const r = heap.alloc(heap.t.list_reverseiterator, Kind.ITERATOR, data);
  heap.track(r);
  return r;
}

/**
 * Install list and tuple.
 *
 * @example
 * ```ts
 * installListTypes(heap); // (installBuiltinTypes does this)
 * ```
 */
export function installListTypes(heap: Heap): void {
  const t = heap.t;
  const v27 = is27(heap);
  registerSeq(heap, t.list, { concat: listConcat, repeat: listRepeat, inplaceConcat: listInplaceConcat, inplaceRepeat: listInplaceRepeat });
  registerSeq(heap, t.tuple, { concat: tupleConcat, repeat: tupleRepeat });
  const L = t.list;
  const T = t.tuple;

  // list_new (2.7) / list_vectorcall (3.12) allocate with tp_alloc: never from the free list.
  defineNew(heap, L, (h, cls) => allocOf(h, cls, Kind.LIST, [], false));
  method(heap, L, '__init__', (h, self, args, kw) => {
    if (kw !== null && kw.length > 0) throw typeError(h, v27 ? "'" + kw[0] + "' is an invalid keyword argument for this function" : 'list() takes no keyword arguments');
    checkArity(h, 'list', args, kw, 0, 1, v27 ? 'parse' : 'unpack');
    listClear(h, self);
    if (args.length > 0) listExtend(h, self, args[0]!);
    return none(h);
  });
  const m = (name: string) => methName(heap, 'list', name);
  method(heap, L, 'append', (h, self, args, kw) => {
    checkArity(h, m('append'), args, kw, 1, 1, 'one');
    listAppend(h, self, args[0]!);
    return none(h);
  });
  method(heap, L, 'extend', (h, self, args, kw) => {
    checkArity(h, m('extend'), args, kw, 1, 1, 'one');
    listExtend(h, self, args[0]!);
    return none(h);
  });
  method(heap, L, 'insert', (h, self, args, kw) => {
    checkArity(h, 'insert', args, kw, 2, 2, v27 ? 'parse' : 'unpack');
    const items = h.payload[self] as Ref[];
    let i = ssizeValue(h, args[0]!);
    const n = items.length;
    if (i < 0) {
      i += n;
      if (i < 0) i = 0;
    }
    if (i > n) i = n;
    h.incref(args[1]!);
    items.splice(i, 0, args[1]!);
    return none(h);
  });
  method(heap, L, 'pop', (h, self, args, kw) => {
    checkArity(h, 'pop', args, kw, 0, 1, v27 ? 'parse' : 'unpack');
    const items = h.payload[self] as Ref[];
    let i = args.length > 0 ? ssizeValue(h, args[0]!) : -1;
    if (items.length === 0) throw pyErr(h, h.t.IndexError, 'pop from empty list');
    if (i < 0) i += items.length;
    if (i < 0 || i >= items.length) throw pyErr(h, h.t.IndexError, 'pop index out of range');
    const [x] = items.splice(i, 1);
    return x!;
  });
  method(heap, L, 'remove', (h, self, args, kw) => {
    checkArity(h, m('remove'), args, kw, 1, 1, 'one');
    const x = args[0]!;
    const items = h.payload[self] as Ref[];
    for (let i = 0; i < (h.payload[self] as Ref[]).length; i++) {
      const it = items[i]!;
      h.incref(it);
      let eq: boolean;
      try {
        eq = it === x || richCompareBool(h, it, x, CompareOp.EQ);
      } finally {
        h.decref(it);
      }
      if (eq) {
        listSetSlice(h, self, i, i + 1, []);
        return none(h);
      }
    }
    throw pyErr(h, h.t.ValueError, 'list.remove(x): x not in list');
  });
  const indexOf = (h: Heap, self: Ref, args: readonly Ref[], kw: readonly string[] | null, what: 'list' | 'tuple'): Ref => {
    checkArity(h, 'index', args, kw, 1, 3, v27 ? 'parse' : 'unpack');
    const items = h.payload[self] as Ref[];
    const x = args[0]!;
    const bound = (r: Ref | undefined, d: number) => {
      if (r === undefined) return d;
      const v = indexValueOrNull(h, r);
      if (v === null) throw typeError(h, 'slice indices must be integers or have an __index__ method');
      let n = typeof v === 'bigint' ? (v < 0n ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER) : v;
      if (n < 0) {
        n += items.length;
        if (n < 0) n = 0;
      }
      return n;
    };
    const start = bound(args[1], 0);
    const stop = bound(args[2], items.length);
    for (let i = start; i < stop && i < (h.payload[self] as Ref[]).length; i++) {
      const it = items[i]!;
      h.incref(it);
      try {
        if (it === x || richCompareBool(h, it, x, CompareOp.EQ)) return newInt(h, i);
      } finally {
        h.decref(it);
      }
    }
    if (what === 'tuple') throw pyErr(h, h.t.ValueError, 'tuple.index(x): x not in tuple');
    throw pyErr(h, h.t.ValueError, `${reprOf(h, x)} is not in list`);
  };
  method(heap, L, 'index', (h, self, args, kw) => indexOf(h, self, args, kw, 'list'));
  method(heap, T, 'index', (h, self, args, kw) => indexOf(h, self, args, kw, 'tuple'));
  const countOf = (h: Heap, self: Ref, args: readonly Ref[], kw: readonly string[] | null, tn: string): Ref => {
    checkArity(h, methName(h, tn, 'count'), args, kw, 1, 1, 'one');
    const items = h.payload[self] as Ref[];
    let n = 0;
    for (let i = 0; i < (h.payload[self] as Ref[]).length; i++) {
      const it = items[i]!;
      h.incref(it);
      try {
        if (it === args[0] || richCompareBool(h, it, args[0]!, CompareOp.EQ)) n++;
      } finally {
        h.decref(it);
      }
    }
    return newInt(h, n);
  };
  method(heap, L, 'count', (h, self, args, kw) => countOf(h, self, args, kw, 'list'));
  method(heap, T, 'count', (h, self, args, kw) => countOf(h, self, args, kw, 'tuple'));
  method(heap, L, 'reverse', (h, self, args, kw) => {
    checkArity(h, m('reverse'), args, kw, 0, 0, 'none');
    (h.payload[self] as Ref[]).reverse();
    return none(h);
  });
  method(heap, L, 'sort', (h, self, args, kw) => {
    const { key, reverse, cmp } = sortArgs(h, 'sort', args, kw);
    sortList(h, self, key, reverse, cmp);
    return none(h);
  });
  if (!v27) {
    method(heap, L, 'copy', (h, self, args, kw) => {
      checkArity(h, m('copy'), args, kw, 0, 0, 'none');
      return newList(h, h.payload[self] as Ref[]);
    });
    method(heap, L, 'clear', (h, self, args, kw) => {
      checkArity(h, m('clear'), args, kw, 0, 0, 'none');
      listClear(h, self);
      return none(h);
    });
  }
  method(heap, L, '__reversed__', (h, self, args, kw) => {
    checkArity(h, '__reversed__', args, kw, 0, 0, 'none');
    return newListReverseIterator(h, self);
  });
  method(heap, L, '__iadd__', (h, self, args, kw) => {
    checkArity(h, '__iadd__', args, kw, 1, 1, 'one');
    return listInplaceConcat(h, self, args[0]!);
  });
  method(heap, L, '__imul__', (h, self, args, kw) => {
    checkArity(h, '__imul__', args, kw, 1, 1, 'one');
    return listInplaceRepeat(h, self, ssizeValue(h, args[0]!));
  });
  method(heap, L, '__setitem__', (h, self, args, kw) => {
    checkArity(h, '__setitem__', args, kw, 2, 2, 'unpack');
    setItem(h, self, args[0]!, args[1]!);
    return none(h);
  });
  method(heap, L, '__delitem__', (h, self, args, kw) => {
    checkArity(h, '__delitem__', args, kw, 1, 1, 'one');
    delItem(h, self, args[0]!);
    return none(h);
  });
  setSlot(heap, L, 'len', (h, self) => (h.payload[self] as Ref[]).length);

  // ---- tuple ---------------------------------------------------------------------------------
  defineNew(heap, T, (h, cls, args, kw) => {
    if (kw !== null && kw.length > 0) throw typeError(h, v27 ? `'${kw[0]}' is an invalid keyword argument for this function` : 'tuple() takes no keyword arguments');
    checkArity(h, 'tuple', args, kw, 0, 1, v27 ? 'parse' : 'unpack');
    if (args.length === 0) return cls === h.t.tuple ? newTuple(h, []) : allocOf(h, cls, Kind.TUPLE, []);
    const x = args[0]!;
    if (cls === h.t.tuple && h.typ[x] === h.t.tuple) return newRef(h, x);
    let items: Ref[];
    if (h.kind[x] === Kind.TUPLE || h.kind[x] === Kind.LIST) items = (h.payload[x] as Ref[]).map((r) => newRef(h, r));
    else {
      // PySequence_Tuple sizes the tuple with the length hint first.
      lengthHintAllocations(h, x);
      items = collect(h, x);
    }
    if (cls === h.t.tuple) return newTupleSteal(h, items);
    return allocOf(h, cls, Kind.TUPLE, items);
  });
  method(heap, T, '__hash__', (h, self) => newInt(h, hashToBigInt(hashOf(h, self), HASH_HI[0]!)));
  method(heap, T, '__getnewargs__', (h, self) => {
    const inner = newTuple(h, h.payload[self] as Ref[]);
    const r = newTuple(h, [inner]);
    h.decref(inner);
    return r;
  });
  setSlot(heap, T, 'len', (h, self) => (h.payload[self] as Ref[]).length);

  // ---- shared dunders ------------------------------------------------------------------------
  for (const [type, concat, repeat] of [
    [L, listConcat, listRepeat],
    [T, tupleConcat, tupleRepeat],
  ] as const) {
    method(heap, type, '__len__', (h, self, args, kw) => {
      checkArity(h, '__len__', args, kw, 0, 0, 'none');
      return newInt(h, (h.payload[self] as Ref[]).length);
    });
    method(heap, type, '__getitem__', (h, self, args, kw) => {
      checkArity(h, '__getitem__', args, kw, 1, 1, 'one');
      return getItem(h, self, args[0]!);
    });
    method(heap, type, '__contains__', (h, self, args, kw) => {
      checkArity(h, '__contains__', args, kw, 1, 1, 'one');
      return pyBool(h, containsOp(h, self, args[0]!));
    });
    method(heap, type, '__add__', (h, self, args, kw) => {
      checkArity(h, '__add__', args, kw, 1, 1, 'one');
      return concat(h, self, args[0]!);
    });
    for (const name of ['__mul__', '__rmul__']) {
      method(heap, type, name, (h, self, args, kw) => {
        checkArity(h, name, args, kw, 1, 1, 'one');
        const n = indexValueOrNull(h, args[0]!);
        if (n === null) return notImpl(h);
        return repeat(h, self, typeof n === 'bigint' ? (n < 0n ? 0 : Number.MAX_SAFE_INTEGER) : n);
      });
    }
    method(heap, type, '__repr__', (h, self) => newStr(h, builtinRepr(h, self)));
    ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'].forEach((name, op) => {
      method(heap, type, name, (h, self, args, kw) => {
        checkArity(h, name, args, kw, 1, 1, 'one');
        return builtinRich(h, self, args[0]!, op as CompareOp);
      });
    });
  }
}

