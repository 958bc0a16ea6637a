/**
 * `_weakrefset.WeakSet` as a heap class.
 *
 * An instance holds what CPython's pure-Python WeakSet holds, as instance attributes created in
 * the same order: `data` (a set of weakrefs whose callback is `_remove`), `_remove` (the
 * callback), `_pending_removals` (a list) and `_iterating` (a set of `_IterationGuard`s).
 * Members that die while a loop runs are queued and removed when the last loop ends.
 */
import {
  Kind,
  PyException,
  call,
  getAttrOrNull,
  isSubtype,
  listItems,
  newInt,
  newList,
  newSet,
  newStr,
  newTuple,
  reprOf,
  richCompare,
  CompareOp,
  setAdd,
  setClear,
  setContains,
  setDiscard,
  setItems,
  setLen,
  getIter,
  weakrefReferent,
  type Heap,
  type Ref,
  type SetStore,
} from '@heaplab/heap';
import { alias, classAttr, finishClass, makeClass, method } from './internal/classes.js';
import { addPending, isIterating, newRemoveCallback } from './internal/remove.js';
import { stateOf } from './internal/state.js';
import { bool, forEachItem, instAttr, none, pyErrObj, setInstAttrSteal } from './internal/util.js';
import { commitIfPending, newGenerator } from './iterguard.js';
import { newRef } from './reftypes.js';

/**
 * The heap's `_weakrefset.WeakSet` class (borrowed), created on first use.
 *
 * @example
 * ```ts
 * import { Heap, call, callMethod, length, newClass, newDict } from '@heaplab/heap';
 * import { installWeakrefTypes, weakSetClass } from '@heaplab/weakref';
 * const heap = new Heap({ version: '2.7' });
 * installWeakrefTypes(heap);
 * const ws = call(heap, weakSetClass(heap), []);
 * const A = newClass(heap, { name: 'A', bases: [], namespace: newDict(heap) });
 * const a = call(heap, A, []);
 * heap.decref(callMethod(heap, ws, 'add', [a]));
 * length(heap, ws); // 1
 * heap.decref(a);
 * length(heap, ws); // 0
 * ```
 */
export function weakSetClass(heap: Heap): Ref {
  const st = stateOf(heap);
  if (st.weakSet !== 0) return st.weakSet;
  const is27 = heap.profile.version === '2.7';
  const cls = makeClass(heap, { name: 'WeakSet', module: '_weakrefset' });
  st.weakSet = cls;

  method(
    heap,
    cls,
    '__init__',
    ['data'],
    (h, self, a) => {
      weakSetInit(h, self, a.values[1] || 0);
      return none(h);
    },
    { defaults: 1 },
  );
  method(heap, cls, '_commit_removals', [], (h, self) => {
    commitRemovals(h, self);
    return none(h);
  });
  method(heap, cls, '__iter__', [], (h, self) => weakSetIter(h, self));
  method(heap, cls, '__len__', [], (h, self) => newInt(h, weakSetLen(h, self)));
  method(heap, cls, '__contains__', ['item'], (h, self, a) => bool(h, weakSetContains(h, self, a.values[1]!)));
  method(heap, cls, '__reduce__', [], (h, self) => {
    const members = listOf(h, self);
    const args = newTuple(h, [members]);
    h.decref(members);
    const state = getAttrOrNull(h, self, '__dict__');
    const res = newTuple(h, [h.typ[self]!, args, state === 0 ? h.None : state]);
    h.decref(args);
    h.xdecref(state);
    return res;
  });
  method(heap, cls, 'add', ['item'], (h, self, a) => {
    weakSetAdd(h, self, a.values[1]!);
    return none(h);
  });
  method(heap, cls, 'clear', [], (h, self) => {
    commitIfPending(h, self);
    setClear(h, dataOf(h, self));
    return none(h);
  });
  method(heap, cls, 'copy', [], (h, self) => call(h, h.typ[self]!, [self]));
  method(heap, cls, 'pop', [], (h, self) => weakSetPop(h, self));
  method(heap, cls, 'remove', ['item'], (h, self, a) => {
    commitIfPending(h, self);
    const wr = newRef(h, a.values[1]!);
    try {
      if (!setDiscard(h, dataOf(h, self), wr)) throw pyErrObj(h, h.t.KeyError, wr);
    } finally {
      h.decref(wr);
    }
    return none(h);
  });
  method(heap, cls, 'discard', ['item'], (h, self, a) => {
    commitIfPending(h, self);
    const wr = newRef(h, a.values[1]!);
    try {
      setDiscard(h, dataOf(h, self), wr);
    } finally {
      h.decref(wr);
    }
    return none(h);
  });
  method(heap, cls, 'update', ['other'], (h, self, a) => {
    weakSetUpdate(h, self, a.values[1]!);
    return none(h);
  });
  method(heap, cls, '__ior__', ['other'], (h, self, a) => {
    weakSetUpdate(h, self, a.values[1]!);
    return h.newRef(self);
  });
  method(heap, cls, 'difference', ['other'], (h, self, a) => {
    const n = call(h, h.typ[self]!, [self]);
    try {
      differenceUpdate(h, n, a.values[1]!);
    } catch (e) {
      h.decref(n);
      throw e;
    }
    return n;
  });
  alias(heap, cls, '__sub__', 'difference');
  method(heap, cls, 'difference_update', ['other'], (h, self, a) => {
    differenceUpdate(h, self, a.values[1]!);
    return none(h);
  });
  method(heap, cls, '__isub__', ['other'], (h, self, a) => {
    differenceUpdate(h, self, a.values[1]!);
    return h.newRef(self);
  });
  method(heap, cls, 'intersection', ['other'], (h, self, a) => {
    const items: Ref[] = [];
    try {
      forEachItem(h, a.values[1]!, (item) => {
        if (weakSetContains(h, self, item)) {
          h.incref(item);
          items.push(item);
        }
      });
      const l = newList(h, items);
      try {
        return call(h, h.typ[self]!, [l]);
      } finally {
        h.decref(l);
      }
    } finally {
      for (const x of items) h.decref(x);
    }
  });
  alias(heap, cls, '__and__', 'intersection');
  method(heap, cls, 'intersection_update', ['other'], (h, self, a) => {
    intersectionUpdate(h, self, a.values[1]!);
    return none(h);
  });
  method(heap, cls, '__iand__', ['other'], (h, self, a) => {
    intersectionUpdate(h, self, a.values[1]!);
    return h.newRef(self);
  });
  method(heap, cls, 'issubset', ['other'], (h, self, a) => compareWithRefs(h, self, a.values[1]!, CompareOp.LE));
  alias(heap, cls, '__le__', 'issubset');
  method(heap, cls, '__lt__', ['other'], (h, self, a) => compareWithRefs(h, self, a.values[1]!, CompareOp.LT));
  method(heap, cls, 'issuperset', ['other'], (h, self, a) => compareWithRefs(h, self, a.values[1]!, CompareOp.GE));
  alias(heap, cls, '__ge__', 'issuperset');
  method(heap, cls, '__gt__', ['other'], (h, self, a) => compareWithRefs(h, self, a.values[1]!, CompareOp.GT));
  method(heap, cls, '__eq__', ['other'], (h, self, a) => {
    const other = a.values[1]!;
    if (!isSubtype(h, h.typ[other]!, h.typ[self]!)) return h.newRef(h.NotImplemented);
    return compareWithRefs(h, self, other, CompareOp.EQ);
  });
  if (is27) {
    method(heap, cls, '__ne__', ['other'], (h, self, a) => {
      const other = a.values[1]!;
      if (!isSubtype(h, h.typ[other]!, h.typ[self]!)) return h.newRef(h.NotImplemented);
      const eq = compareWithRefs(h, self, other, CompareOp.EQ);
      const res = eq === h.True ? h.False : h.True;
      h.decref(eq);
      return h.newRef(res);
    });
  }
  method(heap, cls, 'symmetric_difference', ['other'], (h, self, a) => {
    const n = call(h, h.typ[self]!, [self]);
    try {
      symmetricDifferenceUpdate(h, n, a.values[1]!);
    } catch (e) {
      h.decref(n);
      throw e;
    }
    return n;
  });
  alias(heap, cls, '__xor__', 'symmetric_difference');
  method(heap, cls, 'symmetric_difference_update', ['other'], (h, self, a) => {
    symmetricDifferenceUpdate(h, self, a.values[1]!);
    return none(h);
  });
  method(heap, cls, '__ixor__', ['other'], (h, self, a) => {
    symmetricDifferenceUpdate(h, self, a.values[1]!);
    return h.newRef(self);
  });
  method(heap, cls, 'union', ['other'], (h, self, a) => {
    const items: Ref[] = [];
    try {
      for (const s of [self, a.values[1]!]) {
        forEachItem(h, s, (item) => {
          h.incref(item);
          items.push(item);
        });
      }
      const l = newList(h, items);
      try {
        return call(h, h.typ[self]!, [l]);
      } finally {
        h.decref(l);
      }
    } finally {
      for (const x of items) h.decref(x);
    }
  });
  alias(heap, cls, '__or__', 'union');
  method(heap, cls, 'isdisjoint', ['other'], (h, self, a) => {
    let any = false;
    forEachItem(h, a.values[1]!, (item) => {
      if (!any && weakSetContains(h, self, item)) any = true;
    });
    return bool(h, !any);
  });
  classAttr(heap, cls, '__hash__', heap.newRef(heap.None));
  if (!is27) {
    method(heap, cls, '__repr__', [], (h, self) => newStr(h, reprOf(h, dataOf(h, self))));
  }
  finishClass(heap, cls);
  return cls;
}

/** `self.data` (borrowed). */
function dataOf(heap: Heap, self: Ref): Ref {
  const d = instAttr(heap, self, 'data');
  if (heap.kind[d] !== Kind.SET) throw heap.newException(heap.t.TypeError, `'${heap.typeName(d)}' object is not a set`);
  return d;
}

/** `WeakSet.__init__(self, data=None)`. */
export function weakSetInit(heap: Heap, self: Ref, data: Ref): void {
  setInstAttrSteal(heap, self, 'data', newSet(heap));
  const remove = newRemoveCallback(
    heap,
    self,
    { name: '_remove', qualname: 'WeakSet.__init__.<locals>._remove', argName: 'item', extraDefaults: [] },
    (h, container, item) => {
      if (isIterating(h, container)) addPending(h, container, item);
      else setDiscard(h, dataOf(h, container), item);
    },
  );
  setInstAttrSteal(heap, self, '_remove', remove);
  setInstAttrSteal(heap, self, '_pending_removals', newList(heap, []));
  setInstAttrSteal(heap, self, '_iterating', newSet(heap));
  if (data !== 0 && data !== heap.None) weakSetUpdate(heap, self, data);
}

/** `_commit_removals`: discard every queued dead weakref from `data`. */
function commitRemovals(heap: Heap, self: Ref): void {
  const l = instAttr(heap, self, '_pending_removals');
  const data = dataOf(heap, self);
  const items = listItems(heap, l);
  while (items.length > 0) {
    const item = items.pop()!;
    try {
      setDiscard(heap, data, item);
    } finally {
      heap.decref(item);
    }
  }
}

function weakSetLen(heap: Heap, self: Ref): number {
  return setLen(heap, dataOf(heap, self)) - listItems(heap, instAttr(heap, self, '_pending_removals')).length;
}

function tryRef(heap: Heap, item: Ref): Ref {
  try {
    return newRef(heap, item);
  } catch (e) {
    if (e instanceof PyException && heap.isExceptionOf(e, heap.t.TypeError)) {
      heap.decref(e.exc);
      return 0;
    }
    throw e;
  }
}

/** `item in ws`. */
export function weakSetContains(heap: Heap, self: Ref, item: Ref): boolean {
  const wr = tryRef(heap, item);
  if (wr === 0) return false;
  try {
    return setContains(heap, dataOf(heap, self), wr);
  } finally {
    heap.decref(wr);
  }
}

/** `ws.add(item)`. */
export function weakSetAdd(heap: Heap, self: Ref, item: Ref): void {
  commitIfPending(heap, self);
  const wr = newRef(heap, item, instAttr(heap, self, '_remove'));
  try {
    setAdd(heap, dataOf(heap, self), wr);
  } finally {
    heap.decref(wr);
  }
}

function weakSetUpdate(heap: Heap, self: Ref, other: Ref): void {
  commitIfPending(heap, self);
  forEachItem(heap, other, (item) => weakSetAdd(heap, self, item));
}

function weakSetPop(heap: Heap, self: Ref): Ref {
  commitIfPending(heap, self);
  const data = dataOf(heap, self);
  for (;;) {
    const store = heap.payload[data] as SetStore;
    const pos = store.popSlot();
    if (pos < 0) throw heap.newException(heap.t.KeyError, 'pop from empty WeakSet');
    const wr = store.keyAt(pos);
    store.removeAt(pos);
    const item = weakrefReferent(heap, wr);
    if (item !== 0) heap.incref(item);
    heap.decref(wr);
    if (item !== 0) return item;
  }
}

/** A new list of the live members. */
function listOf(heap: Heap, self: Ref): Ref {
  const items: Ref[] = [];
  forEachItem(heap, self, (x) => {
    heap.incref(x);
    items.push(x);
  });
  const l = newList(heap, items);
  for (const x of items) heap.decref(x);
  return l;
}

/** `iter(ws)`: a generator that skips dead members. */
function weakSetIter(heap: Heap, self: Ref): Ref {
  return newGenerator(heap, self, {
    name: '__iter__',
    qualname: 'WeakSet.__iter__',
    commitFirst: false,
    guard: true,
    source: (h, c) => getIter(h, dataOf(h, c)),
    produce: (h, _c, itemref) => {
      const item = derefItem(h, itemref);
      return item;
    },
  });
}

/** `itemref()` as a new reference, or 0 for a dead weakref. */
export function derefItem(heap: Heap, itemref: Ref): Ref {
  if (heap.typ[itemref] === heap.t.weakref) {
    const r = weakrefReferent(heap, itemref);
    if (r === 0) return 0;
    heap.incref(r);
    return r;
  }
  const r = call(heap, itemref, []);
  if (r === heap.None) {
    heap.decref(r);
    return 0;
  }
  return r;
}

/** A new set of `ref(item)` for each item of `other` (with `callback` when given). */
function refSet(heap: Heap, other: Ref, callback: Ref): Ref {
  const s = newSet(heap);
  try {
    forEachItem(heap, other, (item) => {
      const wr = newRef(heap, item, callback);
      try {
        setAdd(heap, s, wr);
      } finally {
        heap.decref(wr);
      }
    });
  } catch (e) {
    heap.decref(s);
    throw e;
  }
  return s;
}

function differenceUpdate(heap: Heap, self: Ref, other: Ref): void {
  commitIfPending(heap, self);
  const data = dataOf(heap, self);
  if (self === other) {
    setClear(heap, data);
    return;
  }
  forEachItem(heap, other, (item) => {
    const wr = newRef(heap, item);
    try {
      setDiscard(heap, data, wr);
    } finally {
      heap.decref(wr);
    }
  });
}

/**
 * `data.intersection_update(ref(item) for item in other)`. As in CPython, the surviving members
 * are the *new* refs from `other` (plain, callback-less refs), which then replace the data.
 */
function intersectionUpdate(heap: Heap, self: Ref, other: Ref): void {
  commitIfPending(heap, self);
  const data = dataOf(heap, self);
  const result = newSet(heap);
  try {
    forEachItem(heap, other, (item) => {
      const wr = newRef(heap, item);
      try {
        if (setContains(heap, data, wr)) setAdd(heap, result, wr);
      } finally {
        heap.decref(wr);
      }
    });
    swapSetBodies(heap, data, result);
  } finally {
    heap.decref(result);
  }
}

/** `set_swap_bodies`: exchange the contents of two set objects. */
function swapSetBodies(heap: Heap, a: Ref, b: Ref): void {
  const tmp = heap.payload[a];
  heap.payload[a] = heap.payload[b];
  heap.payload[b] = tmp;
}

function symmetricDifferenceUpdate(heap: Heap, self: Ref, other: Ref): void {
  commitIfPending(heap, self);
  const data = dataOf(heap, self);
  if (self === other) {
    setClear(heap, data);
    return;
  }
  const refs = refSet(heap, other, instAttr(heap, self, '_remove'));
  try {
    for (const wr of setItems(heap, refs)) {
      if (!setDiscard(heap, data, wr)) setAdd(heap, data, wr);
    }
  } finally {
    heap.decref(refs);
  }
}

/** `data <op> set(map(ref, other))` (new reference to a bool). */
function compareWithRefs(heap: Heap, self: Ref, other: Ref, op: CompareOp): Ref {
  const refs = refSet(heap, other, 0);
  try {
    return richCompare(heap, dataOf(heap, self), refs, op);
  } finally {
    heap.decref(refs);
  }
}
