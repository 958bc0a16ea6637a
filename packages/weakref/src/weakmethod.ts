/**
 * `weakref.WeakMethod` (3.12): a `ref` subclass that simulates a weak reference to a bound
 * method — alive while both the instance and the function live.
 *
 * Its slots (`_alive`, `_func_ref`, `_meth_type`, plus `__weakref__`) hold what CPython's
 * instance holds; the `_cb` closure is a builtin bound to a closure tuple of two cells
 * (`callback`, `self_wr`), so the object count matches the Python closure's.
 */
import {
  CompareOp,
  Kind,
  PyException,
  call,
  cellGet,
  cellSet,
  dictGetStr,
  dictSetStr,
  getAttr,
  isSubtype,
  newBoundMethod,
  newBuiltinFunction,
  newCell,
  newStr,
  newTuple,
  reprOf,
  richCompareBool,
  tupleItems,
  weakrefReferent,
  type Heap,
  type NativeFn,
  type Ref,
} from '@heaplab/heap';
import { bindArgs } from './internal/args.js';
import { classAttr, finishClass, makeClass, method } from './internal/classes.js';
import { stateOf } from './internal/state.js';
import { bool, none } from './internal/util.js';
import { defineRefSlotMember, newRef, refSlotGet, refSlotSet, slotsOnlySetattr } from './reftypes.js';

const ALIVE = 0;
const FUNC_REF = 1;
const METH_TYPE = 2;

function slotOrError(heap: Heap, self: Ref, index: number, name: string): Ref {
  const v = refSlotGet(heap, self, index);
  if (v === 0) throw heap.newException(heap.t.AttributeError, `'${heap.typeOf(self).name}' object has no attribute '${name}'`);
  return v;
}

/** `meth.__self__` / `meth.__func__` as new references, or null when `meth` is not a bound method. */
function splitMethod(heap: Heap, meth: Ref): [Ref, Ref] | null {
  if (heap.kind[meth] === Kind.METHOD) {
    const p = heap.payload[meth] as Ref[];
    if (p[1] !== 0) return [heap.newRef(p[1]!), heap.newRef(p[0]!)];
    return null;
  }
  let obj = 0;
  try {
    obj = getAttr(heap, meth, '__self__');
    const func = getAttr(heap, meth, '__func__');
    return [obj, func];
  } catch (e) {
    heap.xdecref(obj);
    if (e instanceof PyException && heap.isExceptionOf(e, heap.t.AttributeError)) {
      heap.decref(e.exc);
      return null;
    }
    throw e;
  }
}

/** The `_cb` closure body: the first death marks the WeakMethod dead and calls the user callback once. */
const cbBody: NativeFn = (heap, closure, args) => {
  const [callbackCell, selfWrCell] = tupleItems(heap, closure) as [Ref, Ref];
  void args;
  const selfWr = cellGet(heap, selfWrCell);
  const self = selfWr === 0 ? 0 : weakrefReferent(heap, selfWr);
  if (self === 0) {
    throw heap.newException(heap.t.AttributeError, "'NoneType' object has no attribute '_alive'");
  }
  heap.incref(self);
  try {
    const alive = slotOrError(heap, self, ALIVE, '_alive');
    if (alive !== heap.False && alive !== heap.None) {
      refSlotSet(heap, self, ALIVE, heap.False);
      const callback = cellGet(heap, callbackCell);
      if (callback !== 0 && callback !== heap.None) heap.decref(call(heap, callback, [self]));
    }
  } finally {
    heap.decref(self);
  }
  return none(heap);
};

/**
 * `WeakMethod(meth, callback=None)` with `cls` the class (or a subclass): a new reference.
 *
 * @example
 * ```ts
 * import { Heap, call, newBoundMethod, newBuiltinFunction, newClass, newDict, newInt } from '@heaplab/heap';
 * import { installWeakrefTypes, newWeakMethod, weakMethodClass } from '@heaplab/weakref';
 * const heap = new Heap({ version: '3.12' });
 * installWeakrefTypes(heap);
 * const A = newClass(heap, { name: 'A', bases: [], namespace: newDict(heap) });
 * const a = call(heap, A, []);
 * const f = newBuiltinFunction(heap, 'f', (h) => newInt(h, 4));
 * const m = newBoundMethod(heap, f, a); // a.f
 * const r = newWeakMethod(heap, weakMethodClass(heap), m, 0);
 * heap.decref(m); // the bound method is gone, the WeakMethod is not
 * const again = call(heap, r, []); // r(): a fresh bound method
 * again !== heap.None; // true
 * heap.decref(again);
 * heap.decref(a);
 * call(heap, r, []) === heap.None; // true
 * ```
 */
export function newWeakMethod(heap: Heap, cls: Ref, meth: Ref, callback: Ref): Ref {
  const parts = splitMethod(heap, meth);
  if (parts === null) {
    throw heap.newException(heap.t.TypeError, `argument should be a bound method, not ${reprOf(heap, heap.typ[meth]!)}`);
  }
  const [obj, func] = parts;
  try {
    const callbackCell = newCell(heap, callback === 0 ? heap.None : callback);
    const selfWrCell = newCell(heap, 0);
    const closure = newTuple(heap, [callbackCell, selfWrCell]);
    heap.decref(callbackCell);
    const cb = newBuiltinFunction(heap, '_cb', cbBody, closure);
    heap.decref(closure);
    try {
      const self = newRef(heap, obj, cb, cls);
      try {
        const funcRef = newRef(heap, func, cb);
        refSlotSet(heap, self, FUNC_REF, funcRef);
        heap.decref(funcRef);
        refSlotSet(heap, self, METH_TYPE, heap.typ[meth]!);
        refSlotSet(heap, self, ALIVE, heap.True);
        const selfWr = newRef(heap, self);
        cellSet(heap, selfWrCell, selfWr);
        heap.decref(selfWr);
      } catch (e) {
        heap.decref(self);
        throw e;
      }
      return self;
    } finally {
      heap.decref(selfWrCell);
      heap.decref(cb);
    }
  } finally {
    heap.decref(obj);
    heap.decref(func);
  }
}

/** `WeakMethod.__call__`: a fresh bound method, or None once the object or function is gone. */
function weakMethodCall(heap: Heap, self: Ref): Ref {
  const obj = weakrefReferent(heap, self);
  const funcRef = slotOrError(heap, self, FUNC_REF, '_func_ref');
  const func = heap.kind[funcRef] === Kind.WEAKREF ? weakrefReferent(heap, funcRef) : 0;
  if (obj === 0 || func === 0) return none(heap);
  const methType = slotOrError(heap, self, METH_TYPE, '_meth_type');
  if (methType === heap.t.method) return newBoundMethod(heap, func, obj, heap.typ[obj]!);
  return call(heap, methType, [func, obj]);
}

function isAlive(heap: Heap, wm: Ref): boolean {
  const v = refSlotGet(heap, wm, ALIVE);
  return v !== 0 && v !== heap.False && v !== heap.None;
}

function weakMethodEq(heap: Heap, self: Ref, other: Ref, ne: boolean): Ref {
  const cls = stateOf(heap).weakMethod;
  if (!isSubtype(heap, heap.typ[other]!, cls)) return heap.newRef(heap.NotImplemented);
  if (!isAlive(heap, self) || !isAlive(heap, other)) return bool(heap, ne ? self !== other : self === other);
  const refTd = heap.typeData(heap.t.weakref);
  const r = refTd.slots.richcompare!(heap, self, other, ne ? CompareOp.NE : CompareOp.EQ);
  let first: boolean;
  try {
    first = r === heap.True || (r !== heap.False && r !== heap.NotImplemented && r !== heap.None);
  } finally {
    heap.decref(r);
  }
  const fa = refSlotGet(heap, self, FUNC_REF);
  const fb = refSlotGet(heap, other, FUNC_REF);
  if (ne) return bool(heap, first || richCompareBool(heap, fa, fb, CompareOp.NE));
  return bool(heap, first && richCompareBool(heap, fa, fb, CompareOp.EQ));
}

/**
 * The heap's `weakref.WeakMethod` class (borrowed), created on first use (3.12 profile).
 *
 * @example
 * ```ts
 * import { Heap, reprOf } from '@heaplab/heap';
 * import { installWeakrefTypes, weakMethodClass } from '@heaplab/weakref';
 * const heap = new Heap({ version: '3.12' });
 * installWeakrefTypes(heap);
 * reprOf(heap, weakMethodClass(heap)); // "<class 'weakref.WeakMethod'>"
 * ```
 */
export function weakMethodClass(heap: Heap): Ref {
  const st = stateOf(heap);
  if (st.weakMethod !== 0) return st.weakMethod;
  const cls = makeClass(heap, {
    name: 'WeakMethod',
    module: 'weakref',
    bases: [heap.t.weakref],
    slots: ['__weakref__'],
    doc: 'A weak reference to a bound method: alive while both the instance and the function are.',
  });
  st.weakMethod = cls;
  const names = ['_func_ref', '_meth_type', '_alive', '__weakref__'].map((n) => newStr(heap, n));
  classAttr(heap, cls, '__slots__', newTuple(heap, names));
  for (const n of names) heap.decref(n);
  // Members in CPython's (sorted) slot order.
  defineRefSlotMember(heap, cls, '_alive', ALIVE);
  defineRefSlotMember(heap, cls, '_func_ref', FUNC_REF);
  defineRefSlotMember(heap, cls, '_meth_type', METH_TYPE);
  const sig = { name: '__new__', qualname: 'WeakMethod.__new__', params: ['cls', 'meth', 'callback'], defaults: 1 };
  const newFn: NativeFn = (h, _self, args, kwnames) => {
    const a = bindArgs(h, sig, args, kwnames);
    return newWeakMethod(h, a.values[0]!, a.values[1]!, a.values[2] || 0);
  };
  classAttr(heap, cls, '__new__', newBuiltinFunction(heap, '__new__', newFn, cls, null, true));
  method(heap, cls, '__call__', [], (h, self) => weakMethodCall(h, self));
  method(heap, cls, '__eq__', ['other'], (h, self, a) => weakMethodEq(h, self, a.values[1]!, false));
  method(heap, cls, '__ne__', ['other'], (h, self, a) => weakMethodEq(h, self, a.values[1]!, true));
  const refHash = dictGetStr(heap, heap.typeData(heap.t.weakref).dict, '__hash__');
  if (refHash !== 0) {
    dictSetStr(heap, heap.typeData(cls).dict, '__hash__', refHash);
    heap.typeEpoch++;
  }
  finishClass(heap, cls);
  heap.typeData(cls).slots.setattro = slotsOnlySetattr;
  return cls;
}
