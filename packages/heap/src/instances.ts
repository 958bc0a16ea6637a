/**
 * Where an object's own attributes live, per profile.
 *
 * An instance of a Python class has the payload `[dict, ...slots, ...inlineValues]`:
 * - 2.7 (`instanceDict: 'separate'`): attributes live in a separate dict object, created on the
 *   first attribute store (or the first read of `__dict__`). That dict is a real heap object the
 *   collector counts: a 2-instance cycle is 4 objects in 2.7.
 * - 3.12 (`'inline'`): attributes live in inline values indexed by the class's *shared keys*
 *   (names in the order the class first saw them); no dict object exists until something reads
 *   `__dict__` (`vars()`, `dir()`, ...), which *materializes* one. A 2-instance cycle is 2 objects.
 *   A class stops sharing keys after 30 names; later new names go to a real dict.
 * Builtin-layout objects of a heap type (a `list` subclass instance, an exception) keep their
 * `[dict]` in the heap's side table.
 */
import type { Heap } from './heap.js';
import { Flag, Kind } from './kinds.js';
import type { NativeData } from './layouts.js';
import { dictDelStr, dictGetStr, dictSetStr, newDict, type ModuleData } from './objects.js';
import type { Ref } from './ref.js';
import { TypeFlag, type TypeData } from './typedata.js';

/** Payload of a function object (only the fields the object layer needs; the runtime adds more). */
export interface FunctionStorage {
  /** `__dict__` (owned) or 0. */
  dict: Ref;
}

/**
 * The value of attribute `name` in the object's own storage (borrowed), or 0.
 *
 * @example
 * ```ts
 * import { Heap, newModule, getAttrStorage } from '@heaplab/heap';
 * const heap = new Heap();
 * getAttrStorage(heap, newModule(heap, 'm'), '__name__') !== 0; // true
 * ```
 */
export function getAttrStorage(heap: Heap, obj: Ref, name: string): Ref {
  switch (heap.kind[obj]) {
    case Kind.INSTANCE: {
      const p = heap.payload[obj] as Ref[];
      if (p[0] !== 0) return dictGetStr(heap, p[0]!, name);
      const td = heap.payload[heap.typ[obj]!] as TypeData;
      if (td.sharedKeys === null) return 0;
      const ix = td.sharedKeys.get(name);
      if (ix === undefined) return 0;
      return p[1 + td.slotNames.length + ix] ?? 0;
    }
    case Kind.MODULE:
      return dictGetStr(heap, (heap.payload[obj] as ModuleData).dict, name);
    case Kind.FUNCTION: {
      const d = (heap.payload[obj] as FunctionStorage).dict;
      return d === 0 ? 0 : dictGetStr(heap, d, name);
    }
    case Kind.STATICMETHOD:
    case Kind.CLASSMETHOD: {
      const d = methodWrapperDict(heap, obj, false);
      if (d >= 0) return d === 0 ? 0 : dictGetStr(heap, d, name);
      break;
    }
    case Kind.NATIVE: {
      const d = nativeDict(heap, obj, false);
      if (d >= 0) return d === 0 ? 0 : dictGetStr(heap, d, name);
      break;
    }
  }
  if ((heap.flags[obj]! & Flag.SIDE_DICT) !== 0) {
    const d = heap.sideData.get(obj)![0]!;
    return d === 0 ? 0 : dictGetStr(heap, d, name);
  }
  return 0;
}

/** Does the object's type give it attribute storage (a `__dict__`)? */
export function hasAttrStorage(heap: Heap, obj: Ref): boolean {
  const k = heap.kind[obj];
  if (k === Kind.MODULE || k === Kind.FUNCTION) return true;
  return ((heap.payload[heap.typ[obj]!] as TypeData).tflags & TypeFlag.HAS_DICT) !== 0;
}

/**
 * Store (or, with `value === 0`, delete) attribute `name` in the object's own storage.
 * Returns false if the object has no storage, or the attribute to delete is missing.
 */
export function setAttrStorage(heap: Heap, obj: Ref, name: string, value: Ref): boolean {
  const kind = heap.kind[obj]!;
  if (kind === Kind.INSTANCE) {
    const td = heap.payload[heap.typ[obj]!] as TypeData;
    if ((td.tflags & TypeFlag.HAS_DICT) === 0) return false;
    const p = heap.payload[obj] as Ref[];
    if (p[0] === 0 && td.sharedKeys !== null) return setInlineValue(heap, obj, td, p, name, value);
    if (p[0] === 0) {
      if (value === 0) return false;
      p[0] = newDict(heap);
    }
    if (value === 0) return dictDelStr(heap, p[0]!, name);
    dictSetStr(heap, p[0]!, name, value);
    return true;
  }
  const dict = objectDict(heap, obj, value !== 0);
  if (dict === 0) return false;
  if (value === 0) return dictDelStr(heap, dict, name);
  dictSetStr(heap, dict, name, value);
  return true;
}

/** 3.12 inline values: store at the shared-key index, growing the class's keys if needed. */
function setInlineValue(heap: Heap, obj: Ref, td: TypeData, p: Ref[], name: string, value: Ref): boolean {
  const keys = td.sharedKeys!;
  let ix = keys.get(name);
  if (ix === undefined) {
    if (value === 0) return false;
    if (td.sharedKeyList.length >= heap.profile.sharedKeysLimit) {
      // The class's shared keys are full: this instance gets a real dict.
      const d = materializeDict(heap, obj);
      dictSetStr(heap, d, name, value);
      return true;
    }
    ix = td.sharedKeyList.length;
    keys.set(name, ix);
    td.sharedKeyList.push(name);
  }
  const pos = 1 + td.slotNames.length + ix;
  while (p.length <= pos) p.push(0);
  const old = p[pos]!;
  if (value === 0) {
    if (old === 0) return false;
    p[pos] = 0;
    const order = heap.inlineOrder.get(obj);
    if (order !== undefined) order.splice(order.indexOf(ix), 1);
    heap.decref(old);
    return true;
  }
  heap.rc[value]++;
  p[pos] = value;
  if (old === 0) noteInsertion(heap, obj, td, p, ix);
  else heap.decref(old);
  return true;
}

/** Record per-instance insertion order only when it departs from the key-index order. */
function noteInsertion(heap: Heap, obj: Ref, td: TypeData, p: Ref[], ix: number): void {
  const order = heap.inlineOrder.get(obj);
  if (order !== undefined) {
    order.push(ix);
    return;
  }
  const base = 1 + td.slotNames.length;
  // Is any value present at a higher index? Then this insertion is out of index order.
  for (let j = ix + 1; base + j < p.length; j++) {
    if (p[base + j] !== 0) {
      const o: number[] = [];
      for (let k = 0; base + k < p.length; k++) if (p[base + k] !== 0 && k !== ix) o.push(k);
      o.push(ix);
      heap.inlineOrder.set(obj, o);
      return;
    }
  }
}

/** Inline value indexes present, in the instance's insertion order. */
export function inlineOrderOf(heap: Heap, obj: Ref): number[] {
  const order = heap.inlineOrder.get(obj);
  if (order !== undefined) return order.slice();
  const td = heap.payload[heap.typ[obj]!] as TypeData;
  const p = heap.payload[obj] as Ref[];
  const base = 1 + td.slotNames.length;
  const out: number[] = [];
  for (let k = 0; base + k < p.length; k++) if (p[base + k] !== 0) out.push(k);
  return out;
}

/**
 * The instance's `__dict__` (borrowed), creating it if needed: in 3.12 this *materializes* the
 * inline values into a real dict (which then appears to the collector as its own object).
 */
export function materializeDict(heap: Heap, obj: Ref): Ref {
  const p = heap.payload[obj] as Ref[];
  if (p[0] !== 0) return p[0]!;
  const td = heap.payload[heap.typ[obj]!] as TypeData;
  const d = newDict(heap);
  if (td.sharedKeys !== null) {
    const base = 1 + td.slotNames.length;
    for (const ix of inlineOrderOf(heap, obj)) {
      const v = p[base + ix]!;
      dictSetStr(heap, d, td.sharedKeyList[ix]!, v);
      heap.decref(v); // the dict now holds the reference the inline slot held
      p[base + ix] = 0;
    }
    p.length = base;
    heap.inlineOrder.delete(obj);
  }
  p[0] = d;
  return d;
}

/**
 * The `__dict__` of a non-instance object with attribute storage (function, module, side-dict
 * object), borrowed; created when `create` is true. 0 if the object has none.
 */
export function objectDict(heap: Heap, obj: Ref, create: boolean): Ref {
  switch (heap.kind[obj]) {
    case Kind.INSTANCE: {
      const td = heap.payload[heap.typ[obj]!] as TypeData;
      if ((td.tflags & TypeFlag.HAS_DICT) === 0) return 0;
      return create || (heap.payload[obj] as Ref[])[0] !== 0 ? materializeDict(heap, obj) : 0;
    }
    case Kind.MODULE:
      return (heap.payload[obj] as ModuleData).dict;
    case Kind.FUNCTION: {
      const f = heap.payload[obj] as FunctionStorage;
      if (f.dict === 0 && create) f.dict = newDict(heap);
      return f.dict;
    }
    case Kind.STATICMETHOD:
    case Kind.CLASSMETHOD: {
      const d = methodWrapperDict(heap, obj, create);
      if (d >= 0) return d;
      break;
    }
    case Kind.NATIVE: {
      const d = nativeDict(heap, obj, create);
      if (d >= 0) return d;
      break;
    }
  }
  const td = heap.payload[heap.typ[obj]!] as TypeData;
  if ((td.tflags & TypeFlag.HAS_DICT) === 0 || (td.tflags & TypeFlag.HEAPTYPE) === 0) return 0;
  if (!create && !heap.sideData.has(obj)) return 0;
  const side = slotStorage(heap, obj);
  if (side[0] === 0 && create) side[0] = newDict(heap);
  return side[0]!;
}

/**
 * The `cm_dict` of a 3.12 staticmethod/classmethod (payload `[callable, dict]`; the builtin type
 * carries HAS_DICT there, 2.7's has none): borrowed, 0 if not made yet, -1 if the type has no such
 * slot (2.7).
 */
function methodWrapperDict(heap: Heap, obj: Ref, create: boolean): Ref {
  const builtin = heap.kind[obj] === Kind.STATICMETHOD ? heap.t.staticmethod : heap.t.classmethod;
  if (((heap.payload[builtin] as TypeData).tflags & TypeFlag.HAS_DICT) === 0) return -1;
  const p = heap.payload[obj] as Ref[];
  if ((p[1] ?? 0) === 0) {
    if (!create) return 0;
    p[1] = newDict(heap);
  }
  return p[1]!;
}

/**
 * The `__dict__` slot of an extension object whose layout has one (`NativeData.dictSlot`, CPython's
 * `tp_dictoffset`): borrowed, 0 if not made yet (made now when `create`), -1 if the object has no
 * such slot. A subclass of such a type shares the slot (CPython adds no second dict).
 */
function nativeDict(heap: Heap, obj: Ref, create: boolean): Ref {
  const nd = heap.payload[obj] as NativeData | undefined;
  const ix = nd?.dictSlot;
  if (ix === undefined) return -1;
  const refs = nd!.refs;
  if ((refs[ix] ?? 0) === 0) {
    if (!create) return 0;
    refs[ix] = newDict(heap);
  }
  return refs[ix]!;
}

/**
 * Can `obj` have an instance dict, and has it been made? (`'unmade'`: a dict slot that is still
 * empty, as a fresh 2.7 instance or a 3.12 instance keeping inline values.)
 *
 * @example
 * ```ts
 * import { Heap, newModule, instanceDictState } from '@heaplab/heap';
 * const heap = new Heap();
 * instanceDictState(heap, newModule(heap, 'm')); // 'present'
 * instanceDictState(heap, heap.None); // 'none'
 * ```
 */
export function instanceDictState(heap: Heap, obj: Ref): 'none' | 'unmade' | 'present' {
  const kind = heap.kind[obj]!;
  const td = heap.payload[heap.typ[obj]!] as TypeData;
  let slot: boolean;
  if (kind === Kind.MODULE || kind === Kind.FUNCTION) slot = true;
  else if (kind === Kind.INSTANCE) slot = (td.tflags & TypeFlag.HAS_DICT) !== 0;
  else if ((kind === Kind.STATICMETHOD || kind === Kind.CLASSMETHOD) && methodWrapperDict(heap, obj, false) >= 0) slot = true;
  else if (kind === Kind.NATIVE && nativeDict(heap, obj, false) >= 0) slot = true;
  else slot = (td.tflags & TypeFlag.HAS_DICT) !== 0 && (td.tflags & TypeFlag.HEAPTYPE) !== 0;
  if (!slot) return 'none';
  return objectDict(heap, obj, false) !== 0 ? 'present' : 'unmade';
}

/**
 * The array holding an object's `[dict, ...slots]`: the payload of an instance, or the side
 * storage of a builtin-layout instance (a list or weakref subclass), created on demand.
 */
export function slotStorage(heap: Heap, obj: Ref): Ref[] {
  if (heap.kind[obj] === Kind.INSTANCE) return heap.payload[obj] as Ref[];
  let side = heap.sideData.get(obj);
  if (side === undefined) {
    const td = heap.payload[heap.typ[obj]!] as TypeData;
    side = [0];
    for (let i = 0; i < td.slotNames.length; i++) side.push(0);
    heap.sideData.set(obj, side);
    heap.flags[obj] |= Flag.SIDE_DICT;
  }
  return side;
}

/** Read a `__slots__` member (borrowed, 0 if unset). */
export function getSlot(heap: Heap, obj: Ref, index: number): Ref {
  if (heap.kind[obj] !== Kind.INSTANCE && !heap.sideData.has(obj)) return 0;
  return slotStorage(heap, obj)[1 + index] ?? 0;
}

/** Set (or clear with 0) a `__slots__` member, releasing the old value. */
export function setSlot(heap: Heap, obj: Ref, index: number, value: Ref): void {
  const p = slotStorage(heap, obj);
  const old = p[1 + index] ?? 0;
  heap.xincref(value);
  p[1 + index] = value;
  heap.xdecref(old);
}
