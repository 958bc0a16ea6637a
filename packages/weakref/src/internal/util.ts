/**
 * Small helpers shared by the weakref module's types: raising exceptions that carry objects,
 * reading instance attributes, iterating, static ("extension") types, property objects.
 */
import {
  Flag,
  Kind,
  PyException,
  call,
  dictGetStr,
  dictSetStr,
  getAttrStorage,
  getIter,
  iterNext,
  newDict,
  newStr,
  newExceptionObject,
  newTuple,
  reprOf,
  setAttr,
  type Heap,
  type Ref,
  type TypeData,
  type TypeSlots,
  TypeFlag,
  newBuiltinFunction,
  type NativeFn,
} from '@heaplab/heap';

/** Raise `type(obj)` — an exception whose single argument is an object (e.g. `KeyError(key)`). */
export function pyErrObj(heap: Heap, type: Ref, arg: Ref): PyException {
  const exc = newExceptionObject(heap, type, [arg]);
  let text: string;
  try {
    text = reprOf(heap, arg);
  } catch (e) {
    if (e instanceof PyException) heap.decref(e.exc);
    text = '?';
  }
  return new PyException(exc, `${heap.typeData(type).name}: ${text}`);
}

/** `ReferenceError: weakly-referenced object no longer exists`. */
export function deadProxyError(heap: Heap): PyException {
  return heap.newException(heap.t.ReferenceError, 'weakly-referenced object no longer exists');
}

/**
 * An attribute stored on the instance itself (borrowed): `self.data`, `self._remove`... The
 * containers keep their state in ordinary instance attributes, as CPython's pure-Python classes
 * do; a missing one raises AttributeError like CPython would.
 */
export function instAttr(heap: Heap, self: Ref, name: string): Ref {
  const v = ownAttr(heap, self, name);
  if (v !== 0) return v;
  throw heap.newException(heap.t.AttributeError, `'${heap.typeOf(self).name}' object has no attribute '${name}'`);
}

/** An attribute in the instance's own storage (borrowed), or 0 — classic instances included. */
export function ownAttr(heap: Heap, self: Ref, name: string): Ref {
  return heap.kind[self] === Kind.CLASSIC_INSTANCE ? dictGetStr(heap, (heap.payload[self] as Ref[])[1]!, name) : getAttrStorage(heap, self, name);
}

/** `self.name = value` (value borrowed). */
export function setInstAttr(heap: Heap, self: Ref, name: string, value: Ref): void {
  if (heap.kind[self] === Kind.CLASSIC_INSTANCE) dictSetStr(heap, (heap.payload[self] as Ref[])[1]!, name, value);
  else setAttr(heap, self, name, value);
}

/** `self.name = value`, taking ownership of `value`. */
export function setInstAttrSteal(heap: Heap, self: Ref, name: string, value: Ref): void {
  try {
    setInstAttr(heap, self, name, value);
  } finally {
    heap.decref(value);
  }
}

/** Call `fn(item)` for each item of a Python iterable (items are borrowed inside `fn`). */
export function forEachItem(heap: Heap, iterable: Ref, fn: (item: Ref) => void): void {
  const it = getIter(heap, iterable);
  try {
    for (;;) {
      const x = iterNext(heap, it);
      if (x === 0) break;
      try {
        fn(x);
      } finally {
        heap.decref(x);
      }
    }
  } finally {
    heap.decref(it);
  }
}

/** Release a list of new references. */
export function releaseAll(heap: Heap, refs: readonly Ref[]): void {
  for (const r of refs) heap.xdecref(r);
}

/** New reference to None / True / False. */
export function none(heap: Heap): Ref {
  return heap.newRef(heap.None);
}
export function bool(heap: Heap, v: boolean): Ref {
  return heap.newRef(v ? heap.True : heap.False);
}

/** Options for `newNativeType`. */
export interface NativeTypeSpec {
  name: string;
  /** `tp_name` when it differs from `name` (e.g. `weakref.ReferenceType`). */
  tpName?: string;
  module: string;
  qualname?: string;
  layout: Kind;
  gc: boolean;
  base?: Ref;
  slots?: TypeSlots;
}

/**
 * A static type defined by this extension (like a C type object in an extension module): not a
 * heap type, immortal, never collected. Used for the generator objects the containers' methods
 * return.
 */
export function newNativeType(heap: Heap, spec: NativeTypeSpec): Ref {
  const base = spec.base ?? heap.t.object;
  const td: TypeData = {
    name: spec.name,
    tpName: spec.tpName ?? spec.name,
    qualname: spec.qualname ?? spec.name,
    module: spec.module,
    dict: 0,
    bases: 0,
    mro: 0,
    base,
    layout: spec.layout,
    tflags: TypeFlag.IMMUTABLE | (spec.gc ? TypeFlag.GC : 0),
    slotNames: [],
    ownSlotStart: 0,
    sharedKeys: null,
    sharedKeyList: [],
    slots: { ...(spec.slots ?? {}) },
    cache: new Map(),
    cacheEpoch: 0,
    subclasses: [],
    finalizerEpoch: 0,
    hasFinalizer: false,
  };
  const r = heap.allocSlot();
  heap.typ[r] = heap.t.type;
  heap.kind[r] = Kind.TYPE;
  heap.payload[r] = td;
  heap.makeImmortal(r);
  td.dict = newDict(heap);
  td.bases = newTuple(heap, [base]);
  const baseMro = heap.payload[(heap.payload[base] as TypeData).mro] as Ref[];
  td.mro = newTuple(heap, [r, ...baseMro]);
  for (const t of [td.bases, td.mro]) {
    heap.untrack(t);
    heap.makeImmortal(t);
  }
  heap.typeEpoch++;
  return r;
}

/**
 * A `property` object whose getter (and setter) are builtin functions — what a class body's
 * `@property` makes. Returns a new reference.
 */
export function newProperty(heap: Heap, name: string, get: NativeFn, set?: NativeFn, doc?: string): Ref {
  const fget = newBuiltinFunction(heap, name, get);
  // Absent fset/fdel/doc are NULL (0), as property_init stores them: property's descriptor then
  // raises "property ... has no setter/deleter" rather than calling None.
  const fset = set === undefined ? 0 : newBuiltinFunction(heap, name, set);
  const p = heap.alloc(heap.t.property, Kind.PROPERTY, [fget, fset, 0, doc === undefined ? 0 : newStr(heap, doc)]);
  heap.track(p);
  return p;
}

/** Store `value` (stolen) in a type's namespace under `name`. */
export function putInType(heap: Heap, type: Ref, name: string, value: Ref): void {
  dictSetStr(heap, heap.typeData(type).dict, name, value);
  heap.decref(value);
  heap.typeEpoch++;
}

/** Is `r` a live object (not freed)? */
export function alive(heap: Heap, r: Ref): boolean {
  return r !== 0 && (heap.flags[r]! & Flag.FREE) === 0;
}

/** `callable(*args)` returning a new reference, with the args borrowed. */
export function callRef(heap: Heap, callable: Ref, args: readonly Ref[], kwnames: readonly string[] | null = null): Ref {
  return call(heap, callable, args, kwnames);
}
