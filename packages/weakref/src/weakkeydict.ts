/**
 * `weakref.WeakKeyDictionary` as a heap class.
 *
 * An instance holds, as instance attributes in CPython's order, `data` (a dict whose keys are
 * weakrefs to the real keys, with `_remove` as callback), `_remove`, `_pending_removals` (dead
 * weakrefs queued while a loop runs), `_iterating` and, in 3.12, `_dirty_len`.
 */
import {
  Kind,
  PyException,
  call,
  callMethod,
  dictClear,
  dictDelItem,
  dictGetItem,
  dictLen,
  dictSetItem,
  listItems,
  newDict,
  newInt,
  newList,
  newSet,
  newStr,
  setAttr,
  weakrefReferent,
  type Heap,
  type Ref,
} from '@heaplab/heap';
import { alias, classAttr, classicClassesAvailable, finishClass, makeClass, makeClassicClass, method } from './internal/classes.js';
import { dictPop, dictPopItem, forEachPair, newDictIter, pair } from './internal/dicts.js';
import { dictPairs } from './internal/ops.js';
import { addPending, ignoreKeyError, isIterating, newRemoveCallback } from './internal/remove.js';
import { stateOf } from './internal/state.js';
import { bool, instAttr, none, pyErrObj, setInstAttrSteal } from './internal/util.js';
import { enterNewGuard, guardExit, newGenerator } from './iterguard.js';
import { newRef } from './reftypes.js';
import { defineDataEq27, defineFromkeys, defineMappingOps, mappingEq, mappingRepr } from './weakvaluedict.js';

function dataOf(heap: Heap, self: Ref): Ref {
  const d = instAttr(heap, self, 'data');
  if (heap.kind[d] !== Kind.DICT) throw heap.newException(heap.t.TypeError, `'${heap.typeName(d)}' object is not a dict`);
  return d;
}

/** `wr()` as a new reference, or 0 when dead. */
function deref(heap: Heap, wr: Ref): Ref {
  if (heap.typ[wr] === heap.t.weakref) {
    const r = weakrefReferent(heap, wr);
    if (r === 0) return 0;
    heap.incref(r);
    return r;
  }
  const r = call(heap, wr, []);
  if (r === heap.None) {
    heap.decref(r);
    return 0;
  }
  return r;
}

function setDirty(heap: Heap, self: Ref): void {
  if (heap.profile.version !== '2.7') setAttr(heap, self, '_dirty_len', heap.True);
}

/** `self.data[ref(key, self._remove)] = value`. */
function storeItem(heap: Heap, self: Ref, key: Ref, value: Ref): void {
  const wr = newRef(heap, key, instAttr(heap, self, '_remove'));
  try {
    dictSetItem(heap, dataOf(heap, self), wr, value);
  } finally {
    heap.decref(wr);
  }
}

/** `WeakKeyDictionary.__init__(self, dict=None)`. */
export function wkdInit(heap: Heap, self: Ref, other: Ref): void {
  const is27 = heap.profile.version === '2.7';
  setInstAttrSteal(heap, self, 'data', newDict(heap));
  const remove = newRemoveCallback(
    heap,
    self,
    { name: 'remove', qualname: 'WeakKeyDictionary.__init__.<locals>.remove', argName: 'k', extraDefaults: [] },
    (h, container, k) => {
      if (isIterating(h, container)) addPending(h, container, k);
      else if (is27) {
        if (!dictDelItem(h, dataOf(h, container), k)) throw pyErrObj(h, h.t.KeyError, k);
      } else ignoreKeyError(h, () => void dictDelItem(h, dataOf(h, container), k));
    },
  );
  setInstAttrSteal(heap, self, '_remove', remove);
  setInstAttrSteal(heap, self, '_pending_removals', newList(heap, []));
  setInstAttrSteal(heap, self, '_iterating', newSet(heap));
  if (!is27) setAttr(heap, self, '_dirty_len', heap.False);
  if (other !== 0 && other !== heap.None) wkdUpdate(heap, self, other, []);
}

function wkdUpdate(heap: Heap, self: Ref, other: Ref, kwargs: readonly [string, Ref][]): void {
  if (other !== 0 && other !== heap.None) forEachPair(heap, other, (k, v) => storeItem(heap, self, k, v));
  if (kwargs.length > 0) {
    const d = newDict(heap);
    try {
      for (const [n, v] of kwargs) {
        const k = newStr(heap, n);
        try {
          dictSetItem(heap, d, k, v);
        } finally {
          heap.decref(k);
        }
      }
      wkdUpdate(heap, self, d, []);
    } finally {
      heap.decref(d);
    }
  }
}

/** `_commit_removals`: delete each queued dead weakref (already-removed ones are fine). */
function commitRemovals(heap: Heap, self: Ref): void {
  const l = instAttr(heap, self, '_pending_removals');
  const d = dataOf(heap, self);
  const items = listItems(heap, l);
  while (items.length > 0) {
    const key = items.pop()!;
    try {
      dictDelItem(heap, d, key);
    } finally {
      heap.decref(key);
    }
  }
}

/** `_scrub_removals` (3.12): keep only queued refs still in `data`; a new list, as CPython builds. */
function scrubRemovals(heap: Heap, self: Ref): void {
  const d = dataOf(heap, self);
  const kept = listItems(heap, instAttr(heap, self, '_pending_removals')).filter((k) => dictGetItem(heap, d, k) !== 0);
  setInstAttrSteal(heap, self, '_pending_removals', newList(heap, kept));
  setAttr(heap, self, '_dirty_len', heap.False);
}

function wkdLen(heap: Heap, self: Ref): number {
  if (heap.profile.version === '2.7') return dictLen(heap, dataOf(heap, self));
  const dirty = instAttr(heap, self, '_dirty_len');
  if (dirty === heap.True && listItems(heap, instAttr(heap, self, '_pending_removals')).length > 0) scrubRemovals(heap, self);
  return dictLen(heap, dataOf(heap, self)) - listItems(heap, instAttr(heap, self, '_pending_removals')).length;
}

function tryRef(heap: Heap, key: Ref): Ref {
  try {
    return newRef(heap, key);
  } catch (e) {
    if (e instanceof PyException && heap.isExceptionOf(e, heap.t.TypeError)) {
      heap.decref(e.exc);
      return 0;
    }
    throw e;
  }
}

function wkdContains(heap: Heap, self: Ref, key: Ref): boolean {
  const wr = tryRef(heap, key);
  if (wr === 0) return false;
  try {
    return dictGetItem(heap, dataOf(heap, self), wr) !== 0;
  } finally {
    heap.decref(wr);
  }
}

/** `copy()`: a plain WeakKeyDictionary of the live entries. */
function wkdCopy(heap: Heap, self: Ref): Ref {
  const n = call(heap, weakKeyDictionaryClass(heap), []);
  try {
    const guard = heap.profile.version === '2.7' ? 0 : enterNewGuard(heap, self);
    try {
      const pairs = dictPairs(heap, dataOf(heap, self));
      for (const r of pairs) heap.incref(r);
      try {
        for (let i = 0; i < pairs.length; i += 2) {
          const o = deref(heap, pairs[i]!);
          if (o === 0) continue;
          try {
            storeItem(heap, n, o, pairs[i + 1]!);
          } finally {
            heap.decref(o);
          }
        }
      } finally {
        for (const r of pairs) heap.decref(r);
      }
    } finally {
      if (guard !== 0) {
        guardExit(heap, guard);
        heap.decref(guard);
      }
    }
  } catch (e) {
    heap.decref(n);
    throw e;
  }
  return n;
}

function wkdGenerator(heap: Heap, self: Ref, name: string, what: 'items' | 'keys' | 'values' | 'keyrefs' | 'allvalues'): Ref {
  const source: 'items' | 'keys' | 'values' = what === 'items' || what === 'values' ? 'items' : what === 'allvalues' ? 'values' : 'keys';
  return newGenerator(heap, self, {
    name,
    qualname: `WeakKeyDictionary.${name}`,
    commitFirst: false,
    guard: true,
    source: (h, c) => newDictIter(h, dataOf(h, c), source),
    produce: (h, _c, item) => {
      switch (what) {
        case 'keyrefs':
        case 'allvalues':
          return h.newRef(item);
        case 'keys':
          return deref(h, item);
        default: {
          const [wr, value] = h.payload[item] as Ref[];
          const k = deref(h, wr!);
          if (k === 0) return 0;
          if (what === 'values') {
            h.decref(k);
            return h.newRef(value!);
          }
          try {
            return pair(h, k, value!);
          } finally {
            h.decref(k);
          }
        }
      }
    },
  });
}

/** Live `(key, value)` pairs of `data` as new references. */
function livePairs(heap: Heap, self: Ref): Ref[] {
  const out: Ref[] = [];
  const pairs = dictPairs(heap, dataOf(heap, self));
  for (let i = 0; i < pairs.length; i += 2) {
    const k = deref(heap, pairs[i]!);
    if (k !== 0) out.push(k, heap.newRef(pairs[i + 1]!));
  }
  return out;
}

function pairsToList(heap: Heap, flat: Ref[], pick: 'keys' | 'items'): Ref {
  const items: Ref[] = [];
  for (let i = 0; i < flat.length; i += 2) items.push(pick === 'keys' ? heap.newRef(flat[i]!) : pair(heap, flat[i]!, flat[i + 1]!));
  for (const r of flat) heap.decref(r);
  const l = newList(heap, items);
  for (const r of items) heap.decref(r);
  return l;
}

/**
 * The heap's `weakref.WeakKeyDictionary` class (borrowed), created on first use (a classic class
 * in the 2.7 profile when the runtime supports classic classes).
 *
 * @example
 * ```ts
 * import { Heap, call, callMethod, length, newClass, newDict, newInt } from '@heaplab/heap';
 * import { installWeakrefTypes, weakKeyDictionaryClass } from '@heaplab/weakref';
 * const heap = new Heap();
 * installWeakrefTypes(heap);
 * const d = call(heap, weakKeyDictionaryClass(heap), []);
 * const A = newClass(heap, { name: 'A', bases: [], namespace: newDict(heap) });
 * const a = call(heap, A, []);
 * heap.decref(callMethod(heap, d, '__setitem__', [a, newInt(heap, 1)]));
 * length(heap, d); // 1
 * heap.decref(a);
 * length(heap, d); // 0
 * ```
 */
export function weakKeyDictionaryClass(heap: Heap): Ref {
  const st = stateOf(heap);
  if (st.weakKeyDictionary !== 0) return st.weakKeyDictionary;
  const is27 = heap.profile.version === '2.7';
  // 2.7's WeakKeyDictionary is a classic class (a UserDict.UserDict subclass).
  const spec = { name: 'WeakKeyDictionary', module: 'weakref', doc: 'A mapping whose keys are held weakly; an entry disappears when its key dies.' };
  const cls = is27 && classicClassesAvailable(heap) ? makeClassicClass(heap, spec) : makeClass(heap, spec);
  st.weakKeyDictionary = cls;

  method(
    heap,
    cls,
    '__init__',
    ['dict'],
    (h, self, a) => {
      wkdInit(h, self, a.values[1] || 0);
      return none(h);
    },
    { defaults: 1 },
  );
  method(heap, cls, '_commit_removals', [], (h, self) => {
    commitRemovals(h, self);
    return none(h);
  });
  if (!is27) {
    method(heap, cls, '_scrub_removals', [], (h, self) => {
      scrubRemovals(h, self);
      return none(h);
    });
  }
  method(heap, cls, '__delitem__', ['key'], (h, self, a) => {
    setDirty(h, self);
    const wr = newRef(h, a.values[1]!);
    try {
      if (!dictDelItem(h, dataOf(h, self), wr)) throw pyErrObj(h, h.t.KeyError, wr);
    } finally {
      h.decref(wr);
    }
    return none(h);
  });
  method(heap, cls, '__getitem__', ['key'], (h, self, a) => {
    const wr = newRef(h, a.values[1]!);
    try {
      const v = dictGetItem(h, dataOf(h, self), wr);
      if (v === 0) throw pyErrObj(h, h.t.KeyError, wr);
      return h.newRef(v);
    } finally {
      h.decref(wr);
    }
  });
  method(heap, cls, '__len__', [], (h, self) => newInt(h, wkdLen(h, self)));
  method(heap, cls, '__repr__', [], (h, self) => mappingRepr(h, self, 'WeakKeyDictionary'));
  method(heap, cls, '__setitem__', ['key', 'value'], (h, self, a) => {
    storeItem(h, self, a.values[1]!, a.values[2]!);
    return none(h);
  });
  method(heap, cls, 'copy', [], (h, self) => wkdCopy(h, self));
  alias(heap, cls, '__copy__', 'copy');
  method(
    heap,
    cls,
    'get',
    ['key', 'default'],
    (h, self, a) => {
      const wr = newRef(h, a.values[1]!);
      try {
        const v = dictGetItem(h, dataOf(h, self), wr);
        return h.newRef(v !== 0 ? v : a.values[2] || h.None);
      } finally {
        h.decref(wr);
      }
    },
    { defaults: 1 },
  );
  method(heap, cls, '__contains__', ['key'], (h, self, a) => bool(h, wkdContains(h, self, a.values[1]!)));
  method(heap, cls, 'popitem', [], (h, self) => {
    setDirty(h, self);
    const d = dataOf(h, self);
    for (;;) {
      const [wr, value] = dictPopItem(h, d);
      const o = deref(h, wr);
      h.decref(wr);
      if (o !== 0) {
        const res = pair(h, o, value);
        h.decref(o);
        h.decref(value);
        return res;
      }
      h.decref(value);
    }
  });
  method(
    heap,
    cls,
    'pop',
    ['key'],
    (h, self, a) => {
      setDirty(h, self);
      if (a.extra.length > 1) throw h.newException(h.t.TypeError, `pop expected at most 2 arguments, got ${1 + a.extra.length}`);
      const wr = newRef(h, a.values[1]!);
      try {
        const v = dictPop(h, dataOf(h, self), wr);
        if (v !== 0) return v;
        if (a.extra.length > 0) return h.newRef(a.extra[0]!);
        throw pyErrObj(h, h.t.KeyError, wr);
      } finally {
        h.decref(wr);
      }
    },
    { varargs: true },
  );
  method(
    heap,
    cls,
    'setdefault',
    ['key', 'default'],
    (h, self, a) => {
      const wr = newRef(h, a.values[1]!, instAttr(h, self, '_remove'));
      try {
        const d = dataOf(h, self);
        const v = dictGetItem(h, d, wr);
        if (v !== 0) return h.newRef(v);
        const dflt = a.values[2] || h.None;
        dictSetItem(h, d, wr, dflt);
        return h.newRef(dflt);
      } finally {
        h.decref(wr);
      }
    },
    { defaults: 1 },
  );
  if (is27) {
    method(heap, cls, 'has_key', ['key'], (h, self, a) => (wkdContains(h, self, a.values[1]!) ? h.newRef(h.True) : newInt(h, 0)));
    method(heap, cls, 'items', [], (h, self) => pairsToList(h, livePairs(h, self), 'items'));
    method(heap, cls, 'iteritems', [], (h, self) => wkdGenerator(h, self, 'iteritems', 'items'));
    method(heap, cls, 'iterkeyrefs', [], (h, self) => wkdGenerator(h, self, 'iterkeyrefs', 'keyrefs'));
    method(heap, cls, 'iterkeys', [], (h, self) => wkdGenerator(h, self, 'iterkeys', 'keys'));
    alias(heap, cls, '__iter__', 'iterkeys');
    method(heap, cls, 'itervalues', [], (h, self) => wkdGenerator(h, self, 'itervalues', 'allvalues'));
    method(heap, cls, 'keyrefs', [], (h, self) => newList(h, dictPairs(h, dataOf(h, self)).filter((_, i) => i % 2 === 0)));
    method(heap, cls, 'keys', [], (h, self) => pairsToList(h, livePairs(h, self), 'keys'));
    // UserDict.values: every value of data, including entries whose removal is pending.
    method(heap, cls, 'values', [], (h, self) => newList(h, dictPairs(h, dataOf(h, self)).filter((_, i) => i % 2 === 1)));
    method(heap, cls, 'clear', [], (h, self) => {
      dictClear(h, dataOf(h, self));
      return none(h);
    });
    method(
      heap,
      cls,
      'update',
      ['dict'],
      (h, self, a) => {
        wkdUpdate(h, self, a.values[1] || 0, a.kwargs);
        return none(h);
      },
      { defaults: 1, varkw: true },
    );
    defineFromkeys(heap, cls);
    defineDataEq27(heap, cls);
  } else {
    method(heap, cls, 'items', [], (h, self) => wkdGenerator(h, self, 'items', 'items'));
    method(heap, cls, 'keys', [], (h, self) => wkdGenerator(h, self, 'keys', 'keys'));
    alias(heap, cls, '__iter__', 'keys');
    method(heap, cls, 'values', [], (h, self) => wkdGenerator(h, self, 'values', 'values'));
    method(heap, cls, 'keyrefs', [], (h, self) => newList(h, dictPairs(h, dataOf(h, self)).filter((_, i) => i % 2 === 0)));
    method(
      heap,
      cls,
      'update',
      ['dict'],
      (h, self, a) => {
        wkdUpdate(h, self, a.values[1] || 0, a.kwargs);
        return none(h);
      },
      { defaults: 1, posOnly: 1, varkw: true },
    );
    defineMappingOps(heap, cls, (h, self, other) => wkdUpdate(h, self, other, []), (h, self) => wkdCopy(h, self));
    method(heap, cls, 'clear', [], (h, self) => {
      for (;;) {
        let r: Ref;
        try {
          r = callMethod(h, self, 'popitem', []);
        } catch (e) {
          if (h.isExceptionOf(e, h.t.KeyError)) {
            h.decref(e.exc);
            return none(h);
          }
          throw e;
        }
        h.decref(r);
      }
    });
    method(heap, cls, '__eq__', ['other'], (h, self, a) => mappingEq(h, self, a.values[1]!));
  }
  classAttr(heap, cls, '__hash__', heap.newRef(heap.None));
  finishClass(heap, cls);
  return cls;
}
