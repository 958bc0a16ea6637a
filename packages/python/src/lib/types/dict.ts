/**
 * dict, its views (dict_keys/values/items; 2.7 `view*`), reverse iterators (3.12) and the
 * type-namespace proxy (`mappingproxy` / 2.7 `dictproxy`): constructors, methods, set
 * operations on views, 3.12's `|` and `|=`.
 */
import {
  addItemsResult,
  CompareOp,
  dictData,
  dictDelItem,
  dictEntries,
  dictGetItem,
  dictLen,
  dictSetItem,
  getAttrOrNull,
  getIter,
  type Heap,
  Kind,
  newDict,
  newList,
  newStr,
  newTuple,
  type Ref,
  reprOf,
  setAdd,
  type NativeData,
  call,
  IterMode,
  type IteratorData,
  newSet,
  newInt,
  setDiscard,
  builtinRepr,
  richCompareBool,
  TableDict,
  CompactDict,
} from '@heaplab/heap';
import { builtinRich, cmp27, containsOp } from '../compare.js';
import { libState, registerInplaceNb, registerNb } from '../state.js';
import { getItem, keyError } from '../subscript.js';
import {
  checkArity,
  collect,
  forEach,
  is27,
  methName,
  newRef,
  none,
  notImpl,
  pyBool,
  pyErr,
  tpName,
  typeError,
} from '../util.js';
import { allocOf, defineNew, getset, makeType, method, setSlot, tdOf } from './define.js';
import { newMappingProxy } from './object.js';

// ============================================================================================
// Update / merge
// ============================================================================================

/** `PyDict_Merge(d, other)` for a dict source (2.7 reserves space first, as CPython's merge). */
function mergeDict(heap: Heap, d: Ref, other: Ref): void {
  const e = dictEntries(heap, other).slice();
  if (is27(heap)) {
    const store = dictData(heap, d).store as { reserveForMerge?: (n: number) => void };
    store.reserveForMerge?.(e.length / 2);
  }
  for (const x of e) heap.incref(x);
  try {
    for (let i = 0; i < e.length; i += 2) dictSetItem(heap, d, e[i]!, e[i + 1]!);
  } finally {
    for (const x of e) heap.decref(x);
  }
}

/**
 * `dict.update(arg)` semantics: a mapping (has `keys`) or an iterable of pairs.
 *
 * @example
 * ```ts
 * dictUpdateFrom(heap, d, toPy(heap, [['a', 1]])); // d.update([('a', 1)])
 * ```
 */
export function dictUpdateFrom(heap: Heap, d: Ref, arg: Ref): void {
  if (heap.kind[arg] === Kind.DICT && tdOf(heap, heap.typ[arg]!).slots.iter === undefined) {
    // 2.7's dict_update_common asks PyObject_HasAttrString(arg, "keys") first, even of a dict:
    // the bound `keys` method is made and released.
    if (heap.profile.dictUpdateProbesKeys) heap.xdecref(getAttrOrNull(heap, arg, 'keys'));
    mergeDict(heap, d, arg);
    return;
  }
  const keysM = getAttrOrNull(heap, arg, 'keys');
  if (keysM !== 0) {
    let keys: Ref;
    try {
      keys = call(heap, keysM, []);
    } finally {
      heap.decref(keysM);
    }
    try {
      forEach(heap, keys, (k) => {
        const v = getItem(heap, arg, k);
        try {
          dictSetItem(heap, d, k, v);
        } finally {
          heap.decref(v);
        }
      });
    } finally {
      heap.decref(keys);
    }
    return;
  }
  let i = 0;
  forEach(heap, arg, (item) => {
    let pair: Ref[];
    const k = heap.kind[item];
    if (k === Kind.TUPLE || k === Kind.LIST) pair = (heap.payload[item] as Ref[]).map((x) => newRef(heap, x));
    else {
      try {
        pair = collect(heap, item);
      } catch (e) {
        if (heap.isExceptionOf(e, heap.t.TypeError)) {
          heap.decref(e.exc);
          throw typeError(heap, `cannot convert dictionary update sequence element #${i} to a sequence`);
        }
        throw e;
      }
    }
    try {
      if (pair.length !== 2) throw pyErr(heap, heap.t.ValueError, `dictionary update sequence element #${i} has length ${pair.length}; 2 is required`);
      dictSetItem(heap, d, pair[0]!, pair[1]!);
    } finally {
      for (const x of pair) heap.decref(x);
    }
    i++;
  });
}

/** `dict(*args, **kw)` / `dict.update(*args, **kw)` argument handling. */
function updateCommon(heap: Heap, d: Ref, args: readonly Ref[], kwnames: readonly string[] | null, fname: string): void {
  const n = args.length - (kwnames?.length ?? 0);
  if (n > 1) throw typeError(heap, is27(heap) ? `${fname} expected at most 1 arguments, got ${n}` : `${fname} expected at most 1 argument, got ${n}`);
  if (n === 1) dictUpdateFrom(heap, d, args[0]!);
  if (kwnames !== null) {
    for (let j = 0; j < kwnames.length; j++) {
      const k = newStr(heap, kwnames[j]!);
      try {
        dictSetItem(heap, d, k, args[n + j]!);
      } finally {
        heap.decref(k);
      }
    }
  }
}

/** A copy of a dict (exact dict result). */
function dictCopy(heap: Heap, d: Ref): Ref {
  const r = newDict(heap);
  mergeDict(heap, r, d);
  return r;
}

// ============================================================================================
// Views
// ============================================================================================

/** A dict view of `kind` over `d` (new reference). */
function newDictView(heap: Heap, d: Ref, which: 'keys' | 'values' | 'items'): Ref {
  const type = which === 'keys' ? heap.t.dict_keys : which === 'values' ? heap.t.dict_values : heap.t.dict_items;
  heap.incref(d);
  const r = heap.alloc(type, Kind.DICTVIEW, [d]);
  heap.track(r);
  return r;
}

function viewItems(heap: Heap, view: Ref): Ref[] {
  return collect(heap, view);
}

function viewToSet(heap: Heap, x: Ref): Ref {
  const items = collect(heap, x);
  try {
    return newSet(heap, items);
  } finally {
    for (const i of items) heap.decref(i);
  }
}

/** Set operations of keys/items views: the result is a set. */
function viewSetOp(heap: Heap, op: 'and' | 'or' | 'sub' | 'xor', v: Ref, w: Ref): Ref {
  // Either operand may be the view (reflected operators).
  const isView = (r: Ref) => heap.kind[r] === Kind.DICTVIEW && heap.typ[r] !== heap.t.dict_values;
  if (!isView(v) && !isView(w)) return notImpl(heap);
  let iterOk = true;
  try {
    const it = getIter(heap, isView(v) ? w : v);
    heap.decref(it);
  } catch (e) {
    if (heap.isExceptionOf(e, heap.t.TypeError)) {
      heap.decref(e.exc);
      iterOk = false;
    } else throw e;
  }
  if (!iterOk) return notImpl(heap);
  const a = viewToSet(heap, v);
  try {
    if (op === 'or' || op === 'xor' || op === 'sub' || op === 'and') {
      const b = collect(heap, w);
      try {
        if (op === 'or') for (const x of b) setAdd(heap, a, x);
        else if (op === 'sub') for (const x of b) removeFromSet(heap, a, x);
        else if (op === 'and') {
          const keep = newSet(heap, []);
          try {
            for (const x of b) if (containsOp(heap, a, x)) setAdd(heap, keep, x);
          } catch (e) {
            heap.decref(keep);
            throw e;
          }
          heap.decref(a);
          return keep;
        } else {
          for (const x of b) {
            if (containsOp(heap, a, x)) removeFromSet(heap, a, x);
            else setAdd(heap, a, x);
          }
        }
      } finally {
        for (const x of b) heap.decref(x);
      }
    }
    return a;
  } catch (e) {
    heap.decref(a);
    throw e;
  }
}

function removeFromSet(heap: Heap, s: Ref, x: Ref): void {
  setDiscard(heap, s, x);
}

function viewRepr(heap: Heap, view: Ref): string {
  const name = tdOf(heap, heap.typ[view]!).name;
  const items = viewItems(heap, view);
  try {
    return `${name}([${items.map((x) => reprOf(heap, x)).join(', ')}])`;
  } finally {
    for (const x of items) heap.decref(x);
  }
}

// ============================================================================================
// Reverse iterators (3.12)
// ============================================================================================

interface RevIter {
  positions: number[];
  guard: number;
  mode: 'keys' | 'values' | 'items';
}

function newDictReverseIterator(heap: Heap, d: Ref, mode: 'keys' | 'values' | 'items'): Ref {
  const name = mode === 'keys' ? 'dict_reversekeyiterator' : mode === 'values' ? 'dict_reversevalueiterator' : 'dict_reverseitemiterator';
  const type = libState(heap).types.get(name)!;
  const store = dictData(heap, d).store;
  const positions: number[] = [];
  for (let p = store.next(0); p >= 0; p = store.next(p + 1)) positions.push(p);
  heap.incref(d);
  const ext: RevIter = { positions, guard: store.used, mode };
  const data: NativeData = { refs: [d], ext };
  const r = heap.alloc(type, Kind.NATIVE, data);
  heap.track(r);
  return r;
}

function dictRevNext(heap: Heap, it: Ref): Ref {
  const data = heap.payload[it] as NativeData;
  const d = data.refs[0];
  if (d === undefined || d === 0) return 0;
  const ext = data.ext as RevIter;
  const store = dictData(heap, d).store;
  if (store.used !== ext.guard) {
    ext.guard = -1;
    throw pyErr(heap, heap.t.RuntimeError, 'dictionary changed size during iteration');
  }
  const p = ext.positions.pop();
  if (p === undefined) {
    data.refs[0] = 0;
    heap.decref(d);
    return 0;
  }
  const k = store.keyAt(p);
  const v = store.valueAt(p);
  if (ext.mode === 'keys') return newRef(heap, k);
  if (ext.mode === 'values') return newRef(heap, v);
  return newTuple(heap, [k, v]);
}

// ============================================================================================
// Installation
// ============================================================================================

/**
 * Install dict, the views and the namespace proxy.
 *
 * @example
 * ```ts
 * installDictTypes(heap); // (installBuiltinTypes does this)
 * ```
 */
export function installDictTypes(heap: Heap): void {
  const t = heap.t;
  const v27 = is27(heap);
  const D = t.dict;
  const m = (name: string) => methName(heap, 'dict', name);

  // dict_new allocates with tp_alloc (PyType_GenericAlloc): `dict(...)` never takes a dict from
  // the free list that `{}` and PyDict_New use (a new GC allocation either way).
  defineNew(heap, D, (h, cls) => {
    const data = { store: h.profile.dictOrder === 'table' ? new TableDict(0) : new CompactDict(0), unicodeKeys: true };
    return cls === h.t.dict ? h.alloc(cls, Kind.DICT, data, false) : allocOf(h, cls, Kind.DICT, data);
  });
  method(heap, D, '__init__', (h, self, args, kw) => {
    updateCommon(h, self, args, kw, 'dict');
    return none(h);
  });
  method(heap, D, 'keys', (h, self, args, kw) => {
    checkArity(h, m('keys'), args, kw, 0, 0, 'none');
    if (v27) return listOf(h, self, 'keys');
    return newDictView(h, self, 'keys');
  });
  method(heap, D, 'values', (h, self, args, kw) => {
    checkArity(h, m('values'), args, kw, 0, 0, 'none');
    if (v27) return listOf(h, self, 'values');
    return newDictView(h, self, 'values');
  });
  method(heap, D, 'items', (h, self, args, kw) => {
    checkArity(h, m('items'), args, kw, 0, 0, 'none');
    if (v27) return listOf(h, self, 'items');
    return newDictView(h, self, 'items');
  });
  if (v27) {
    for (const [name, which] of [
      ['viewkeys', 'keys'],
      ['viewvalues', 'values'],
      ['viewitems', 'items'],
    ] as const) {
      method(heap, D, name, (h, self, args, kw) => {
        checkArity(h, name, args, kw, 0, 0, 'none');
        return newDictView(h, self, which);
      });
    }
    for (const [name, type, mode] of [
      ['iterkeys', t.dict_keyiterator, IterMode.DICT_KEYS],
      ['itervalues', t.dict_valueiterator, IterMode.DICT_VALUES],
      ['iteritems', t.dict_itemiterator, IterMode.DICT_ITEMS],
    ] as const) {
      method(heap, D, name, (h, self, args, kw) => {
        checkArity(h, name, args, kw, 0, 0, 'none');
        h.incref(self);
        const data: IteratorData = { seq: self, index: 0, mode, guard: dictLen(h, self) };
        const r = h.alloc(type, Kind.ITERATOR, data);
        if (mode === IterMode.DICT_ITEMS) addItemsResult(h, data);
        h.track(r);
        return r;
      });
    }
    method(heap, D, 'has_key', (h, self, args, kw) => {
      checkArity(h, 'has_key', args, kw, 1, 1, 'one');
      return pyBool(h, dictGetItem(h, self, args[0]!) !== 0);
    });
  }
  method(heap, D, 'get', (h, self, args, kw) => {
    checkArity(h, 'get', args, kw, 1, 2, 'unpack');
    const v = dictGetItem(h, self, args[0]!);
    return newRef(h, v !== 0 ? v : (args[1] ?? h.None));
  });
  method(heap, D, 'setdefault', (h, self, args, kw) => {
    checkArity(h, 'setdefault', args, kw, 1, 2, 'unpack');
    const v = dictGetItem(h, self, args[0]!);
    if (v !== 0) return newRef(h, v);
    const dflt = args[1] ?? h.None;
    dictSetItem(h, self, args[0]!, dflt);
    return newRef(h, dflt);
  });
  method(heap, D, 'pop', (h, self, args, kw) => {
    checkArity(h, 'pop', args, kw, 1, 2, 'unpack');
    const key = args[0]!;
    const v = dictGetItem(h, self, key);
    if (v === 0) {
      if (args.length > 1) return newRef(h, args[1]!);
      throw keyError(h, key);
    }
    h.incref(v);
    dictDelItem(h, self, key);
    return v;
  });
  method(heap, D, 'popitem', (h, self, args, kw) => {
    checkArity(h, m('popitem'), args, kw, 0, 0, 'none');
    const store = dictData(h, self).store;
    if (store.used === 0) {
      const exc = pyErr(h, h.t.KeyError, 'popitem(): dictionary is empty');
      throw exc;
    }
    const p = v27 ? store.next(0) : store.last();
    const k = store.keyAt(p);
    const v = store.valueAt(p);
    const r = newTuple(h, [k, v]);
    store.removeAt(p);
    h.decref(k);
    h.decref(v);
    return r;
  });
  method(heap, D, 'update', (h, self, args, kw) => {
    updateCommon(h, self, args, kw, 'update');
    return none(h);
  });
  method(heap, D, 'clear', (h, self, args, kw) => {
    checkArity(h, m('clear'), args, kw, 0, 0, 'none');
    const data = dictData(h, self);
    const taken = data.store.takeAll();
    data.unicodeKeys = true;
    for (let i = 0; i < taken.length; i++) h.decref(taken[i]!);
    return none(h);
  });
  method(heap, D, 'copy', (h, self, args, kw) => {
    checkArity(h, m('copy'), args, kw, 0, 0, 'none');
    return dictCopy(h, self);
  });
  method(
    heap,
    D,
    'fromkeys',
    (h, cls, args, kw) => {
      checkArity(h, 'fromkeys', args, kw, 1, 2, 'unpack');
      const value = args[1] ?? h.None;
      const d = call(h, cls, []);
      try {
        forEach(h, args[0]!, (k) => {
          if (h.kind[d] === Kind.DICT && h.typ[d] === h.t.dict) dictSetItem(h, d, k, value);
          else {
            const setitem = tdOf(h, h.typ[d]!).slots.setitem;
            if (setitem === undefined) throw typeError(h, `'${tpName(h, d)}' object does not support item assignment`);
            setitem(h, d, k, value);
          }
        });
      } catch (e) {
        h.decref(d);
        throw e;
      }
      return d;
    },
    { binding: 'class' },
  );
  method(heap, D, '__getitem__', (h, self, args, kw) => {
    checkArity(h, '__getitem__', args, kw, 1, 1, 'one');
    const v = dictGetItem(h, self, args[0]!);
    if (v === 0) throw keyError(h, args[0]!);
    return newRef(h, v);
  });
  method(heap, D, '__setitem__', (h, self, args, kw) => {
    checkArity(h, '__setitem__', args, kw, 2, 2, 'unpack');
    dictSetItem(h, self, args[0]!, args[1]!);
    return none(h);
  });
  method(heap, D, '__delitem__', (h, self, args, kw) => {
    checkArity(h, '__delitem__', args, kw, 1, 1, 'one');
    if (!dictDelItem(h, self, args[0]!)) throw keyError(h, args[0]!);
    return none(h);
  });
  method(heap, D, '__contains__', (h, self, args, kw) => {
    checkArity(h, '__contains__', args, kw, 1, 1, 'one');
    return pyBool(h, dictGetItem(h, self, args[0]!) !== 0);
  });
  method(heap, D, '__len__', (h, self) => newIntOf(h, dictLen(h, self)));
  setSlot(heap, D, 'len', (h, self) => dictLen(h, self));
  method(heap, D, '__iter__', (h, self) => getIter(h, self));
  method(heap, D, '__repr__', (h, self) => newStr(h, builtinRepr(h, self)));
  ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'].forEach((name, op) => {
    if (!v27 && name !== '__eq__' && name !== '__ne__') return;
    method(heap, D, name, (h, self, args, kw) => {
      checkArity(h, name, args, kw, 1, 1, 'one');
      return builtinRich(h, self, args[0]!, op as CompareOp);
    });
  });
  if (v27) {
    // 2.7 orders dicts: by length, then by the smallest differing key, then its values.
    setSlot(heap, D, 'richcompare', (h, a, b, op) => {
      if (h.kind[b] !== Kind.DICT) return notImpl(h);
      if (op === CompareOp.EQ || op === CompareOp.NE) return builtinRich(h, a, b, op);
      const c = dictCompare27(h, a, b);
      const r = op === CompareOp.LT ? c < 0 : op === CompareOp.LE ? c <= 0 : op === CompareOp.GT ? c > 0 : c >= 0;
      return pyBool(h, r);
    });
  }
  if (!v27) {
    makeType(heap, { name: 'dict_reversekeyiterator', slots: { iternext: dictRevNext } });
    makeType(heap, { name: 'dict_reversevalueiterator', slots: { iternext: dictRevNext } });
    makeType(heap, { name: 'dict_reverseitemiterator', slots: { iternext: dictRevNext } });
    method(heap, D, '__reversed__', (h, self) => newDictReverseIterator(h, self, 'keys'));
    const or = (h: Heap, v: Ref, w: Ref): Ref => {
      if (h.kind[v] !== Kind.DICT || h.kind[w] !== Kind.DICT) return notImpl(h);
      const r = dictCopy(h, v);
      try {
        mergeDict(h, r, w);
      } catch (e) {
        h.decref(r);
        throw e;
      }
      return r;
    };
    registerNb(heap, D, { BitOr: or });
    registerInplaceNb(heap, D, {
      BitOr: (h, v, w) => {
        dictUpdateFrom(h, v, w);
        return newRef(h, v);
      },
    });
    method(heap, D, '__or__', (h, self, args) => or(h, self, args[0]!));
    method(heap, D, '__ror__', (h, self, args) => or(h, args[0]!, self));
    method(heap, D, '__ior__', (h, self, args) => {
      dictUpdateFrom(h, self, args[0]!);
      return newRef(h, self);
    });
  }

  // ---- views -----------------------------------------------------------------------------------
  for (const [type, which] of [
    [t.dict_keys, 'keys'],
    [t.dict_values, 'values'],
    [t.dict_items, 'items'],
  ] as const) {
    setSlot(heap, type, 'len', (h, v) => dictLen(h, (h.payload[v] as Ref[])[0]!));
    setSlot(heap, type, 'repr', viewRepr);
    method(heap, type, '__len__', (h, v) => newIntOf(h, dictLen(h, (h.payload[v] as Ref[])[0]!)));
    method(heap, type, '__iter__', (h, v) => getIter(h, v));
    method(heap, type, '__contains__', (h, v, args) => pyBool(h, containsOp(h, v, args[0]!)));
    if (!v27) {
      getset(heap, type, 'mapping', (h, v) => newMappingProxy(h, (h.payload[v] as Ref[])[0]!));
      method(heap, type, '__reversed__', (h, v) => newDictReverseIterator(h, (h.payload[v] as Ref[])[0]!, which));
    }
    if (which !== 'values') {
      const ops = {
        BitAnd: (h: Heap, a: Ref, b: Ref) => viewSetOp(h, 'and', a, b),
        BitOr: (h: Heap, a: Ref, b: Ref) => viewSetOp(h, 'or', a, b),
        Sub: (h: Heap, a: Ref, b: Ref) => viewSetOp(h, 'sub', a, b),
        BitXor: (h: Heap, a: Ref, b: Ref) => viewSetOp(h, 'xor', a, b),
      };
      registerNb(heap, type, ops);
      method(heap, type, 'isdisjoint', (h, v, args, kw) => {
        checkArity(h, 'isdisjoint', args, kw, 1, 1, 'one');
        let disjoint = true;
        forEach(h, args[0]!, (x) => {
          if (containsOp(h, v, x)) {
            disjoint = false;
            return false;
          }
          return true;
        });
        return pyBool(h, disjoint);
      });
      setSlot(heap, type, 'richcompare', (h, a, b, op) => {
        const kb = h.kind[b];
        if (kb !== Kind.SET && kb !== Kind.FROZENSET && !(kb === Kind.DICTVIEW && h.typ[b] !== h.t.dict_values)) return notImpl(h);
        const sa = viewToSet(h, a);
        const sb = kb === Kind.DICTVIEW ? viewToSet(h, b) : newRef(h, b);
        try {
          return builtinRich(h, sa, sb, op);
        } finally {
          h.decref(sa);
          h.decref(sb);
        }
      });
    }
  }

  // ---- mappingproxy / dictproxy -----------------------------------------------------------------
  const P = t.mappingproxy;
  const target = (h: Heap, p: Ref) => (h.payload[p] as Ref[])[0]!;
  setSlot(heap, P, 'len', (h, p) => lengthOf(h, target(h, p)));
  setSlot(heap, P, 'iter', (h, p) => getIter(h, target(h, p)));
  setSlot(heap, P, 'contains', (h, p, k) => containsOp(h, target(h, p), k));
  setSlot(heap, P, 'repr', (h, p) => (v27 ? `dict_proxy(${reprOf(h, target(h, p))})` : `mappingproxy(${reprOf(h, target(h, p))})`));
  setSlot(heap, P, 'str', (h, p) => reprOf(h, target(h, p)));
  for (const name of ['keys', 'values', 'items', 'copy', 'get']) {
    method(heap, P, name, (h, p, args, kw) => {
      const f = getAttrOrNull(h, target(h, p), name);
      if (f === 0) throw pyErr(h, h.t.AttributeError, name);
      try {
        return call(h, f, args, kw);
      } finally {
        h.decref(f);
      }
    });
  }
  if (v27) {
    for (const name of ['iterkeys', 'itervalues', 'iteritems', 'has_key']) {
      method(heap, P, name, (h, p, args, kw) => {
        const f = getAttrOrNull(h, target(h, p), name);
        if (f === 0) throw pyErr(h, h.t.AttributeError, name);
        try {
          return call(h, f, args, kw);
        } finally {
          h.decref(f);
        }
      });
    }
  }
  method(heap, P, '__getitem__', (h, p, args) => getItem(h, target(h, p), args[0]!));
  method(heap, P, '__contains__', (h, p, args) => pyBool(h, containsOp(h, target(h, p), args[0]!)));
  method(heap, P, '__len__', (h, p) => newIntOf(h, lengthOf(h, target(h, p))));
  method(heap, P, '__iter__', (h, p) => getIter(h, target(h, p)));
}

/** 2.7 `characterize(a, b)`: the smallest key of `a` whose value differs in `b` (borrowed refs), or null. */
function characterize(heap: Heap, a: Ref, b: Ref): [Ref, Ref] | null {
  let akey = 0;
  let aval = 0;
  const e = dictEntries(heap, a).slice();
  for (const x of e) heap.incref(x);
  try {
    for (let i = 0; i < e.length; i += 2) {
      const k = e[i]!;
      const v = e[i + 1]!;
      if (akey !== 0 && richCompareBool(heap, akey, k, CompareOp.LT)) continue;
      const bv = dictGetItem(heap, b, k);
      const same = bv !== 0 && richCompareBool(heap, v, bv, CompareOp.EQ);
      if (!same) {
        akey = k;
        aval = v;
      }
    }
  } finally {
    for (const x of e) heap.decref(x);
  }
  return akey === 0 ? null : [akey, aval];
}

/** 2.7 `dict_compare`. */
function dictCompare27(heap: Heap, a: Ref, b: Ref): number {
  const na = dictLen(heap, a);
  const nb = dictLen(heap, b);
  if (na !== nb) return na < nb ? -1 : 1;
  const ad = characterize(heap, a, b);
  if (ad === null) return 0;
  const bd = characterize(heap, b, a);
  let r = 0;
  if (bd !== null) r = cmp27(heap, ad[0], bd[0]);
  if (r === 0 && bd !== null) r = cmp27(heap, ad[1], bd[1]);
  return r;
}

function lengthOf(heap: Heap, r: Ref): number {
  const s = tdOf(heap, heap.typ[r]!).slots.len;
  if (s !== undefined) return s(heap, r);
  return dictLen(heap, r);
}

function listOf(heap: Heap, d: Ref, which: 'keys' | 'values' | 'items'): Ref {
  const e = dictEntries(heap, d);
  const out: Ref[] = [];
  for (let i = 0; i < e.length; i += 2) {
    if (which === 'keys') out.push(newRef(heap, e[i]!));
    else if (which === 'values') out.push(newRef(heap, e[i + 1]!));
    else out.push(newTuple(heap, [e[i]!, e[i + 1]!]));
  }
  const l = newList(heap, out);
  for (const x of out) heap.decref(x);
  return l;
}


function newIntOf(heap: Heap, n: number): Ref {
  return newInt(heap, n);
}

