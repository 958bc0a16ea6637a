/**
 * `weakref.KeyedRef` and `weakref.WeakValueDictionary` as heap classes.
 *
 * A WeakValueDictionary holds, as instance attributes created in CPython's order, `_remove`
 * (the callback), `_pending_removals` (a list of keys), `_iterating` (a set of guards) and
 * `data`: a dict whose values are `KeyedRef` objects — weakrefs to the values carrying their key
 * and `_remove` as callback. When a value dies its KeyedRef's callback deletes the entry (or
 * queues the key while a loop runs).
 */
import {
  CompareOp,
  Kind,
  addressText,
  call,
  callMethod,
  defineMethod,
  dictClear,
  dictDelItem,
  dictGetItem,
  dictLen,
  dictSetItem,
  listItems,
  newBuiltinFunction,
  newDict,
  newInt,
  newList,
  newSet,
  newStr,
  newTuple,
  richCompareBool,
  weakrefReferent,
  type Heap,
  type NativeFn,
  type Ref,
} from '@heaplab/heap';
import { bindArgs } from './internal/args.js';
import { alias, classAttr, classicClassesAvailable, defineClassicMethod, finishClass, isClassic, isInstanceOfClass, makeClass, makeClassicClass, method } from './internal/classes.js';
import { dictItemOrKeyError, dictPop, dictPopItem, forEachPair, newDictIter, pair } from './internal/dicts.js';
import { dictPairs } from './internal/ops.js';
import { addPending, isIterating, keyOf, newRemoveCallback } from './internal/remove.js';
import { stateOf } from './internal/state.js';
import { bool, forEachItem, instAttr, none, pyErrObj, setInstAttrSteal } from './internal/util.js';
import { commitIfPending, enterNewGuard, guardExit, newGenerator } from './iterguard.js';
import { defineRefSlotMember, newRef, refInitCheck, refSlotSet, removeDeadWeakrefBuiltin, slotsOnlySetattr } from './reftypes.js';

// ============================================================================================
// KeyedRef
// ============================================================================================

/**
 * The heap's `weakref.KeyedRef` class (borrowed), created on first use: a `ref` subclass with a
 * `key` slot.
 *
 * @example
 * ```ts
 * import { Heap, call, getAttr, newSet, newStr, strValue } from '@heaplab/heap';
 * import { installWeakrefTypes, keyedRefClass } from '@heaplab/weakref';
 * const heap = new Heap();
 * installWeakrefTypes(heap);
 * const kr = call(heap, keyedRefClass(heap), [newSet(heap), heap.None, newStr(heap, 'k')]);
 * strValue(heap, getAttr(heap, kr, 'key')); // 'k'
 * ```
 */
export function keyedRefClass(heap: Heap): Ref {
  const st = stateOf(heap);
  if (st.keyedRef !== 0) return st.keyedRef;
  const cls = makeClass(heap, {
    name: 'KeyedRef',
    module: 'weakref',
    bases: [heap.t.weakref],
    slots: [],
    doc: 'A weak reference that also remembers the dictionary key it belongs to.',
  });
  st.keyedRef = cls;
  const keyName = newStr(heap, 'key');
  classAttr(heap, cls, '__slots__', newTuple(heap, [keyName]));
  heap.decref(keyName);
  defineRefSlotMember(heap, cls, 'key', 0);
  const newSig = { name: '__new__', qualname: 'KeyedRef.__new__', params: ['type', 'ob', 'callback', 'key'] };
  const newFn: NativeFn = (h, _self, args, kwnames) => {
    const a = bindArgs(h, newSig, args, kwnames);
    const [type, ob, callback, key] = a.values as [Ref, Ref, Ref, Ref];
    return newKeyedRef(h, ob, callback, key, type);
  };
  classAttr(heap, cls, '__new__', newBuiltinFunction(heap, '__new__', newFn, cls, null, true));
  method(heap, cls, '__init__', ['ob', 'callback', 'key'], (h, _self, a) => {
    refInitCheck(h, [a.values[1]!, a.values[2]!], null);
    return none(h);
  });
  finishClass(heap, cls);
  heap.typeData(cls).slots.setattro = slotsOnlySetattr;
  return cls;
}

/**
 * `KeyedRef(ob, callback, key)`: a weakref to `ob` whose `key` attribute is `key` (new
 * reference). Never shared, since its type is not exactly `ref`.
 *
 * @example
 * ```ts
 * import { Heap, newSet, newStr, getAttr, strValue } from '@heaplab/heap';
 * import { installWeakrefTypes, newKeyedRef } from '@heaplab/weakref';
 * const heap = new Heap();
 * installWeakrefTypes(heap);
 * const s = newSet(heap);
 * const kr = newKeyedRef(heap, s, heap.None, newStr(heap, 'k'));
 * strValue(heap, getAttr(heap, kr, 'key')); // 'k'
 * ```
 */
export function newKeyedRef(heap: Heap, ob: Ref, callback: Ref, key: Ref, type: Ref = keyedRefClass(heap)): Ref {
  const wr = newRef(heap, ob, callback, type);
  try {
    refSlotSet(heap, wr, 0, key);
  } catch (e) {
    heap.decref(wr);
    throw e;
  }
  return wr;
}

// ============================================================================================
// WeakValueDictionary
// ============================================================================================

/** Is `other` a mapping as `collections.abc.Mapping` would say (dict or one of the weak mappings)? */
export function isMapping(heap: Heap, other: Ref): boolean {
  if (heap.kind[other] === Kind.DICT) return true;
  const st = stateOf(heap);
  return isInstanceOfClass(heap, other, st.weakValueDictionary) || isInstanceOfClass(heap, other, st.weakKeyDictionary);
}

function dataOf(heap: Heap, self: Ref): Ref {
  const d = instAttr(heap, self, 'data');
  if (heap.kind[d] !== Kind.DICT) throw heap.newException(heap.t.TypeError, `'${heap.typeName(d)}' object is not a dict`);
  return d;
}

/** `wr()` for a KeyedRef: the value as a new reference, or 0 when dead. */
function deref(heap: Heap, wr: Ref): Ref {
  const t = heap.typ[wr];
  if (t === heap.t.weakref || t === stateOf(heap).keyedRef) {
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

/** `self.data[key] = KeyedRef(value, self._remove, key)`. */
function storeValue(heap: Heap, self: Ref, key: Ref, value: Ref): void {
  const wr = newKeyedRef(heap, value, instAttr(heap, self, '_remove'), key);
  try {
    dictSetItem(heap, dataOf(heap, self), key, wr);
  } finally {
    heap.decref(wr);
  }
}

/** `_commit_removals`: delete each queued key whose KeyedRef is dead. */
function commitRemovals(heap: Heap, self: Ref): void {
  const l = instAttr(heap, self, '_pending_removals');
  const d = dataOf(heap, self);
  const items = listItems(heap, l);
  const atomic = removeDeadWeakrefBuiltin(heap);
  while (items.length > 0) {
    const key = items.pop()!;
    try {
      heap.decref(call(heap, atomic, [d, key]));
    } finally {
      heap.decref(key);
    }
  }
}

/** `WeakValueDictionary.__init__`: attributes in CPython's order, then `update(other, **kw)`. */
export function wvdInit(heap: Heap, self: Ref, other: Ref, kwargs: readonly [string, Ref][]): void {
  const atomic = removeDeadWeakrefBuiltin(heap);
  const remove = newRemoveCallback(
    heap,
    self,
    { name: 'remove', qualname: 'WeakValueDictionary.__init__.<locals>.remove', argName: 'wr', extraDefaults: [['_atomic_removal', atomic]] },
    (h, container, wr, extra) => {
      const key = keyOf(h, wr);
      try {
        if (isIterating(h, container)) addPending(h, container, key);
        else h.decref(call(h, extra[0]!, [dataOf(h, container), key]));
      } finally {
        h.decref(key);
      }
    },
  );
  setInstAttrSteal(heap, self, '_remove', remove);
  setInstAttrSteal(heap, self, '_pending_removals', newList(heap, []));
  setInstAttrSteal(heap, self, '_iterating', newSet(heap));
  setInstAttrSteal(heap, self, 'data', newDict(heap));
  if (other !== 0 && other !== heap.None) wvdUpdate(heap, self, other);
  if (kwargs.length > 0) updateFromKwargs(heap, self, kwargs, storeValue);
}

function updateFromKwargs(heap: Heap, self: Ref, kwargs: readonly [string, Ref][], store: (h: Heap, self: Ref, k: Ref, v: Ref) => void): void {
  for (const [name, v] of kwargs) {
    const k = newStr(heap, name);
    try {
      store(heap, self, k, v);
    } finally {
      heap.decref(k);
    }
  }
}

function wvdUpdate(heap: Heap, self: Ref, other: Ref): void {
  commitIfPending(heap, self);
  forEachPair(heap, other, (k, v) => storeValue(heap, self, k, v));
}

/** `d[key]` (new reference). */
function wvdGetItem(heap: Heap, self: Ref, key: Ref): Ref {
  commitIfPending(heap, self);
  const wr = dictItemOrKeyError(heap, dataOf(heap, self), key);
  const o = deref(heap, wr);
  if (o === 0) throw pyErrObj(heap, heap.t.KeyError, key);
  return o;
}

function wvdContains(heap: Heap, self: Ref, key: Ref): boolean {
  commitIfPending(heap, self);
  const wr = dictGetItem(heap, dataOf(heap, self), key);
  if (wr === 0) return false;
  const o = deref(heap, wr);
  heap.xdecref(o);
  return o !== 0;
}

/** `WeakValueDictionary.copy()`: always a plain WeakValueDictionary of the live entries. */
function wvdCopy(heap: Heap, self: Ref): Ref {
  commitIfPending(heap, self);
  const n = call(heap, weakValueDictionaryClass(heap), []);
  try {
    const guard = heap.profile.version === '2.7' ? 0 : enterNewGuard(heap, self);
    try {
      const pairs = dictPairs(heap, dataOf(heap, self));
      for (const r of pairs) heap.incref(r);
      try {
        for (let i = 0; i < pairs.length; i += 2) {
          const o = deref(heap, pairs[i + 1]!);
          if (o === 0) continue;
          try {
            storeValue(heap, n, pairs[i]!, o);
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

/** Live `(key, value)` pairs as new references (a snapshot, for the 2.7 list methods). */
function livePairs(heap: Heap, self: Ref): Ref[] {
  const out: Ref[] = [];
  const pairs = dictPairs(heap, dataOf(heap, self));
  for (let i = 0; i < pairs.length; i += 2) {
    const o = deref(heap, pairs[i + 1]!);
    if (o !== 0) out.push(heap.newRef(pairs[i]!), o);
  }
  return out;
}

function listFromPairs(heap: Heap, flat: Ref[], pick: 'keys' | 'values' | 'items'): Ref {
  const items: Ref[] = [];
  for (let i = 0; i < flat.length; i += 2) {
    if (pick === 'keys') items.push(heap.newRef(flat[i]!));
    else if (pick === 'values') items.push(heap.newRef(flat[i + 1]!));
    else items.push(pair(heap, flat[i]!, flat[i + 1]!));
  }
  for (const r of flat) heap.decref(r);
  const l = newList(heap, items);
  for (const r of items) heap.decref(r);
  return l;
}

/** A generator over `self.data` (items/keys/values/valuerefs). */
function wvdGenerator(heap: Heap, self: Ref, name: string, what: 'items' | 'keys' | 'values' | 'valuerefs' | 'allkeys' | 'iteritems27'): Ref {
  const source: 'items' | 'values' | 'keys' = what === 'items' || what === 'keys' ? 'items' : what === 'allkeys' ? 'keys' : 'values';
  return newGenerator(heap, self, {
    name,
    qualname: `WeakValueDictionary.${name}`,
    commitFirst: true,
    guard: true,
    source: (h, c) => newDictIter(h, dataOf(h, c), source),
    produce: (h, _c, item) => {
      switch (what) {
        case 'allkeys':
        case 'valuerefs':
          return h.newRef(item);
        case 'values': {
          return deref(h, item);
        }
        case 'iteritems27': {
          const v = deref(h, item);
          if (v === 0) return 0;
          try {
            const key = keyOf(h, item);
            try {
              return pair(h, key, v);
            } finally {
              h.decref(key);
            }
          } finally {
            h.decref(v);
          }
        }
        default: {
          const [k, wr] = h.payload[item] as Ref[];
          const v = deref(h, wr!);
          if (v === 0) return 0;
          if (what === 'keys') {
            h.decref(v);
            return h.newRef(k!);
          }
          try {
            return pair(h, k!, v);
          } finally {
            h.decref(v);
          }
        }
      }
    },
  });
}

function wvdPopItem(heap: Heap, self: Ref): Ref {
  commitIfPending(heap, self);
  const d = dataOf(heap, self);
  for (;;) {
    const [k, wr] = dictPopItem(heap, d);
    const o = deref(heap, wr);
    heap.decref(wr);
    if (o !== 0) {
      const res = pair(heap, k, o);
      heap.decref(k);
      heap.decref(o);
      return res;
    }
    heap.decref(k);
  }
}

function wvdSetdefault(heap: Heap, self: Ref, key: Ref, dflt: Ref): Ref {
  const is27 = heap.profile.version === '2.7';
  if (is27) commitIfPending(heap, self);
  const wr = dictGetItem(heap, dataOf(heap, self), key);
  const o = wr === 0 ? 0 : deref(heap, wr);
  if (o !== 0) return o;
  if (!is27) commitIfPending(heap, self);
  storeValue(heap, self, key, dflt);
  return heap.newRef(dflt);
}

/** `dict(self.items()) == dict(other.items())` for Mapping.__eq__ (3.12). */
function itemsDict(heap: Heap, m: Ref): Ref {
  if (heap.kind[m] === Kind.DICT) return heap.newRef(m);
  const d = newDict(heap);
  try {
    forEachPair(heap, m, (k, v) => dictSetItem(heap, d, k, v));
  } catch (e) {
    heap.decref(d);
    throw e;
  }
  return d;
}

/** Mapping.__eq__ (3.12): compare as plain dicts of the live items. */
export function mappingEq(heap: Heap, self: Ref, other: Ref): Ref {
  if (!isMapping(heap, other)) return heap.newRef(heap.NotImplemented);
  const a = itemsDict(heap, self);
  try {
    const b = itemsDict(heap, other);
    try {
      return bool(heap, richCompareBool(heap, a, b, CompareOp.EQ));
    } finally {
      heap.decref(b);
    }
  } finally {
    heap.decref(a);
  }
}

/** The `<ClassName at 0x...>` (3.12) / `<WeakValueDictionary at 1234...>` (2.7) repr. */
export function mappingRepr(heap: Heap, self: Ref, fixedName27: string): Ref {
  if (heap.profile.version === '2.7') return newStr(heap, `<${fixedName27} at ${heap.addressOf(self)}>`);
  return newStr(heap, `<${heap.typeOf(self).name} at ${addressText(heap, self)}>`);
}

/**
 * The heap's `weakref.WeakValueDictionary` class (borrowed), created on first use (a classic
 * class in the 2.7 profile when the runtime supports classic classes).
 *
 * @example
 * ```ts
 * import { Heap, call, callMethod, length, newClass, newDict, newInt } from '@heaplab/heap';
 * import { installWeakrefTypes, weakValueDictionaryClass } from '@heaplab/weakref';
 * const heap = new Heap();
 * installWeakrefTypes(heap);
 * const d = call(heap, weakValueDictionaryClass(heap), []);
 * const A = newClass(heap, { name: 'A', bases: [], namespace: newDict(heap) });
 * const a = call(heap, A, []);
 * heap.decref(callMethod(heap, d, '__setitem__', [newInt(heap, 1), a]));
 * length(heap, d); // 1
 * heap.decref(a);
 * length(heap, d); // 0
 * ```
 */
export function weakValueDictionaryClass(heap: Heap): Ref {
  const st = stateOf(heap);
  if (st.weakValueDictionary !== 0) return st.weakValueDictionary;
  keyedRefClass(heap);
  const is27 = heap.profile.version === '2.7';
  // 2.7's WeakValueDictionary is a classic class (a UserDict.UserDict subclass).
  const spec = { name: 'WeakValueDictionary', module: 'weakref', doc: 'A mapping whose values are held weakly; an entry disappears when its value dies.' };
  const cls = is27 && classicClassesAvailable(heap) ? makeClassicClass(heap, spec) : makeClass(heap, spec);
  st.weakValueDictionary = cls;

  if (is27) {
    method(
      heap,
      cls,
      '__init__',
      [],
      (h, self, a) => {
        if (a.extra.length > 1) throw h.newException(h.t.TypeError, `expected at most 1 arguments, got ${a.extra.length}`);
        let other = a.extra[0] ?? 0;
        const kw = a.kwargs.filter(([n, v]) => {
          if (n === 'dict' && other === 0) {
            other = v;
            return false;
          }
          return true;
        });
        wvdInit(h, self, other, kw);
        return none(h);
      },
      // 2.7 spells these `def f(*args, **kw)`: `self` is positional only, so `self=` is a key.
      { varargs: true, varkw: true, selfInArgs: true },
    );
  } else {
    method(
      heap,
      cls,
      '__init__',
      ['other'],
      (h, self, a) => {
        wvdInit(h, self, a.values[1] || 0, a.kwargs);
        return none(h);
      },
      { defaults: 1, posOnly: 1, varkw: true },
    );
  }
  method(heap, cls, '_commit_removals', [], (h, self) => {
    commitRemovals(h, self);
    return none(h);
  });
  method(heap, cls, '__getitem__', ['key'], (h, self, a) => wvdGetItem(h, self, a.values[1]!));
  method(heap, cls, '__delitem__', ['key'], (h, self, a) => {
    commitIfPending(h, self);
    const key = a.values[1]!;
    if (!dictDelItem(h, dataOf(h, self), key)) throw pyErrObj(h, h.t.KeyError, key);
    return none(h);
  });
  method(heap, cls, '__len__', [], (h, self) => {
    if (!is27) commitIfPending(h, self);
    return newInt(h, dictLen(h, dataOf(h, self)));
  });
  method(heap, cls, '__contains__', ['key'], (h, self, a) => bool(h, wvdContains(h, self, a.values[1]!)));
  if (is27) method(heap, cls, 'has_key', ['key'], (h, self, a) => bool(h, wvdContains(h, self, a.values[1]!)));
  method(heap, cls, '__repr__', [], (h, self) => mappingRepr(h, self, 'WeakValueDictionary'));
  method(heap, cls, '__setitem__', ['key', 'value'], (h, self, a) => {
    commitIfPending(h, self);
    storeValue(h, self, a.values[1]!, a.values[2]!);
    return none(h);
  });
  method(heap, cls, 'copy', [], (h, self) => wvdCopy(h, self));
  alias(heap, cls, '__copy__', 'copy');
  method(
    heap,
    cls,
    'get',
    ['key', 'default'],
    (h, self, a) => {
      commitIfPending(h, self);
      const dflt = a.values[2] || h.None;
      const wr = dictGetItem(h, dataOf(h, self), a.values[1]!);
      if (wr === 0) return h.newRef(dflt);
      const o = deref(h, wr);
      return o === 0 ? h.newRef(dflt) : o;
    },
    { defaults: 1 },
  );
  if (is27) {
    method(heap, cls, 'items', [], (h, self) => {
      commitIfPending(h, self);
      return listFromPairs(h, livePairs(h, self), 'items');
    });
    method(heap, cls, 'iteritems', [], (h, self) => wvdGenerator(h, self, 'iteritems', 'iteritems27'));
    method(heap, cls, 'iterkeys', [], (h, self) => wvdGenerator(h, self, 'iterkeys', 'allkeys'));
    alias(heap, cls, '__iter__', 'iterkeys');
    method(heap, cls, 'itervaluerefs', [], (h, self) => wvdGenerator(h, self, 'itervaluerefs', 'valuerefs'));
    method(heap, cls, 'itervalues', [], (h, self) => wvdGenerator(h, self, 'itervalues', 'values'));
    method(heap, cls, 'values', [], (h, self) => {
      commitIfPending(h, self);
      return listFromPairs(h, livePairs(h, self), 'values');
    });
    // UserDict.keys: every key of data, including entries whose removal is still pending.
    method(heap, cls, 'keys', [], (h, self) => {
      const pairs = dictPairs(h, dataOf(h, self));
      const keys = pairs.filter((_, i) => i % 2 === 0);
      return newList(h, keys);
    });
    method(heap, cls, 'clear', [], (h, self) => {
      commitIfPending(h, self);
      dictClear(h, dataOf(h, self));
      return none(h);
    });
    method(
      heap,
      cls,
      'update',
      [],
      (h, self, a) => {
        if (a.extra.length > 1) throw h.newException(h.t.TypeError, `expected at most 1 arguments, got ${a.extra.length}`);
        const other = a.extra[0] ?? 0;
        commitIfPending(h, self);
        if (other !== 0 && other !== h.None) wvdUpdate(h, self, other);
        if (a.kwargs.length > 0) updateFromKwargs(h, self, a.kwargs, storeValue);
        return none(h);
      },
      // 2.7 spells these `def f(*args, **kw)`: `self` is positional only, so `self=` is a key.
      { varargs: true, varkw: true, selfInArgs: true },
    );
    method(heap, cls, 'valuerefs', [], (h, self) => {
      commitIfPending(h, self);
      const pairs = dictPairs(h, dataOf(h, self));
      return newList(h, pairs.filter((_, i) => i % 2 === 1));
    });
    defineFromkeys(heap, cls);
    defineDataEq27(heap, cls);
  } else {
    method(heap, cls, 'items', [], (h, self) => wvdGenerator(h, self, 'items', 'items'));
    method(heap, cls, 'keys', [], (h, self) => wvdGenerator(h, self, 'keys', 'keys'));
    alias(heap, cls, '__iter__', 'keys');
    method(heap, cls, 'itervaluerefs', [], (h, self) => wvdGenerator(h, self, 'itervaluerefs', 'valuerefs'));
    method(heap, cls, 'values', [], (h, self) => wvdGenerator(h, self, 'values', 'values'));
    method(
      heap,
      cls,
      'update',
      ['other'],
      (h, self, a) => {
        commitIfPending(h, self);
        const other = a.values[1] || 0;
        if (other !== 0 && other !== h.None) wvdUpdate(h, self, other);
        if (a.kwargs.length > 0) updateFromKwargs(h, self, a.kwargs, storeValue);
        return none(h);
      },
      { defaults: 1, posOnly: 1, varkw: true },
    );
    method(heap, cls, 'valuerefs', [], (h, self) => {
      commitIfPending(h, self);
      const pairs = dictPairs(h, dataOf(h, self));
      return newList(h, pairs.filter((_, i) => i % 2 === 1));
    });
    defineMappingOps(heap, cls, (h, self, other) => wvdUpdate(h, self, other), (h, self) => wvdCopy(h, self));
    // MutableMapping.clear: popitem until KeyError.
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
  method(heap, cls, 'popitem', [], (h, self) => wvdPopItem(h, self));
  method(
    heap,
    cls,
    'pop',
    ['key'],
    (h, self, a) => {
      commitIfPending(h, self);
      const key = a.values[1]!;
      const wr = dictPop(h, dataOf(h, self), key);
      let o = 0;
      if (wr !== 0) {
        o = deref(h, wr);
        h.decref(wr);
      }
      if (o !== 0) return o;
      if (a.extra.length > 0) return h.newRef(a.extra[0]!);
      throw pyErrObj(h, h.t.KeyError, key);
    },
    { varargs: true },
  );
  method(heap, cls, 'setdefault', ['key', 'default'], (h, self, a) => wvdSetdefault(h, self, a.values[1]!, a.values[2] || h.None), { defaults: 1 });
  classAttr(heap, cls, '__hash__', heap.newRef(heap.None));
  finishClass(heap, cls);
  return cls;
}

/** `fromkeys` (2.7 UserDict classmethod): `d = cls(); d[key] = value` for each key. */
export function defineFromkeys(heap: Heap, cls: Ref): void {
  const sig = { name: 'fromkeys', qualname: 'fromkeys', params: ['cls', 'iterable', 'value'], defaults: 1 };
  const fn: NativeFn = (h, type, args, kwnames) => {
    const a = bindArgs(h, sig, [type, ...args], kwnames);
    const d = call(h, type, []);
    try {
      const value = a.values[2] || h.None;
      forEachItem(h, a.values[1]!, (key) => {
        const r = callMethod(h, d, '__setitem__', [key, value]);
        h.decref(r);
      });
    } catch (e) {
      h.decref(d);
      throw e;
    }
    return d;
  };
  if (isClassic(heap, cls)) defineClassicMethod(heap, cls, 'fromkeys', fn, true);
  else defineMethod(heap, cls, 'fromkeys', fn, { binding: 'class' });
}

/** 2.7 UserDict's `__cmp__` as `==`/`!=`: compare `self.data` with `other.data` (or other). */
export function defineDataEq27(heap: Heap, cls: Ref): void {
  const cmp = (h: Heap, self: Ref, other: Ref): boolean => {
    const a = instAttr(h, self, 'data');
    const od = h.kind[other] === Kind.DICT ? other : isMapping(h, other) ? instAttr(h, other, 'data') : other;
    return richCompareBool(h, a, od, CompareOp.EQ);
  };
  method(heap, cls, '__eq__', ['other'], (h, self, a) => bool(h, cmp(h, self, a.values[1]!)));
  method(heap, cls, '__ne__', ['other'], (h, self, a) => bool(h, !cmp(h, self, a.values[1]!)));
}

/** 3.12's `__ior__`, `__or__`, `__ror__`. */
export function defineMappingOps(
  heap: Heap,
  cls: Ref,
  update: (h: Heap, self: Ref, other: Ref) => void,
  copy: (h: Heap, self: Ref) => Ref,
): void {
  method(heap, cls, '__ior__', ['other'], (h, self, a) => {
    update(h, self, a.values[1]!);
    return h.newRef(self);
  });
  method(heap, cls, '__or__', ['other'], (h, self, a) => {
    const other = a.values[1]!;
    if (!isMapping(h, other)) return h.newRef(h.NotImplemented);
    const c = copy(h, self);
    try {
      update(h, c, other);
    } catch (e) {
      h.decref(c);
      throw e;
    }
    return c;
  });
  method(heap, cls, '__ror__', ['other'], (h, self, a) => {
    const other = a.values[1]!;
    if (!isMapping(h, other)) return h.newRef(h.NotImplemented);
    const c = call(h, h.typ[self]!, []);
    try {
      update(h, c, other);
      update(h, c, self);
    } catch (e) {
      h.decref(c);
      throw e;
    }
    return c;
  });
}
