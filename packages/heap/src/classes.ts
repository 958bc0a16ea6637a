/**
 * Type objects at run time: finishing the builtin types, creating classes (`type_new`), the C3
 * MRO, instance creation (`object.__new__`/`object.__init__`), calling a type, and the *slot
 * dispatchers* that make a class's `__hash__`, `__eq__`, `__repr__`, `__del__`... the type's
 * slots — CPython's `typeobject.c`, as much of it as the object layer needs.
 */
import {
  builtinCall,
  descriptorCall,
  descriptorGet,
  descriptorSet,
  functionDescrGet,
  isUnboundCallable,
  methodCall,
  newBoundMethod,
  newBuiltinFunction,
  newGetSetDescriptor,
  type NativeFn,
} from './callables.js';
import { PyException } from './errors.js';
import { HASH_HI, hashFromBigInt } from './hash.js';
import type { Heap } from './heap.js';
import { getSlot, materializeDict, objectDict, slotStorage } from './instances.js';
import { Flag, GC_KINDS, Kind } from './kinds.js';
import type { ExceptionData, WeakrefData } from './layouts.js';
import {
  dictDelStr,
  dictEntries,
  dictGetStr,
  dictSetStr,
  intern,
  newDict,
  newStr,
  newTuple,
  newTupleSteal,
  type DictData,
} from './objects.js';
import {
  call,
  defaultHash,
  genericGetAttr,
  genericSetAttr,
  hashOf,
  isSubtype,
  richCompare,
  isTrue,
  attributeError,
  typeLookup,
} from './protocol.js';
import type { Ref } from './ref.js';
import { SetStore } from './set.js';
import { CompareOp, TypeFlag, type TypeData, type TypeSlots } from './typedata.js';
import { weakrefReferent } from './weakrefs.js';
import { countSubclassLink } from './subclasses.js';
import { CompactDict, TableDict } from './dict.js';

// ============================================================================================
// Finishing the builtin types
// ============================================================================================

let objectNewMarker: Ref = 0;
let objectInitMarker: Ref = 0;

/**
 * Give every builtin type its namespace dict, `__bases__` and `__mro__`, install the slots of the
 * builtin kinds, and `object.__new__`/`object.__init__`. Called once by the Heap constructor.
 */
export function finishBuiltinTypes(heap: Heap): void {
  const types = new Set<Ref>(heap.t.byName.values());
  types.add(heap.t.type);
  types.add(heap.t.object);
  // Parents before children so MROs can be built from the base's MRO.
  const done = new Set<Ref>();
  const finish = (r: Ref): void => {
    if (done.has(r)) return;
    const td = heap.payload[r] as TypeData;
    if (td.base !== 0) finish(td.base);
    done.add(r);
    td.dict = newDict(heap);
    if (td.base === 0) {
      td.bases = newRef(heap, heap.emptyTuple);
      td.mro = newTuple(heap, [r]);
    } else {
      td.bases = newTuple(heap, [td.base]);
      const baseMro = heap.payload[(heap.payload[td.base] as TypeData).mro] as Ref[];
      td.mro = newTuple(heap, [r, ...baseMro]);
    }
    // Static types' tuples are immortal in 3.12 (and live forever in 2.7).
    heap.untrack(td.bases);
    heap.untrack(td.mro);
    heap.makeImmortal(td.mro);
    if (td.bases !== heap.emptyTuple) heap.makeImmortal(td.bases);
  };
  for (const r of types) finish(r);

  installBuiltinSlots(heap);

  objectNewMarker = newBuiltinFunction(heap, '__new__', (h, self, args, kw) => objectNew(h, args, kw), heap.t.object, null, true);
  heap.makeImmortal(objectNewMarker);
  dictSetStr(heap, (heap.payload[heap.t.object] as TypeData).dict, '__new__', objectNewMarker);
  const initDescr = defineObjectInit(heap);
  objectInitMarker = initDescr;
  heap.markers.objectNew = objectNewMarker;
  heap.markers.objectInit = objectInitMarker;

  heap.computeHasFinalizer = (type) => typeLookup(heap, type, '__del__') !== 0;
  heap.instantiateException = (type, message) => newExceptionObject(heap, type, message === null ? [] : [message]);
}

function newRef(heap: Heap, r: Ref): Ref {
  heap.rc[r]++;
  return r;
}

function defineObjectInit(heap: Heap): Ref {
  const data = {
    type: heap.t.object,
    name: '__init__',
    call: ((h: Heap, self: Ref, args: readonly Ref[], kw: readonly string[] | null) => {
      objectInitCheck(h, self, args, kw);
      return newRef(h, h.None);
    }) as unknown,
  };
  heap.rc[heap.t.object]++;
  const d = heap.alloc(heap.t.wrapper_descriptor, Kind.DESCRIPTOR, data);
  heap.makeImmortal(d);
  dictSetStr(heap, (heap.payload[heap.t.object] as TypeData).dict, '__init__', d);
  heap.decref(d);
  return d;
}

/** Slots of the builtin kinds that the object layer implements itself. */
function installBuiltinSlots(heap: Heap): void {
  const slots = (r: Ref): TypeSlots => (heap.payload[r] as TypeData).slots;
  const t = heap.t;
  slots(t.type).call = typeCall;
  slots(t.type).setattro = typeSetAttr;
  slots(t.function).descrGet = functionDescrGet;
  slots(t.method).call = methodCall;
  slots(t.method).descrGet = (h, m, obj) => {
    // A 2.7 unbound method accessed through an instance binds; bound methods return themselves.
    const p = h.payload[m] as Ref[];
    if (p[1] === 0 && obj !== 0 && obj !== h.None) return newBoundMethod(h, p[0]!, obj, p[2] ?? 0);
    return newRef(h, m);
  };
  slots(t.method).getattroOrNull = (h, m, name) => {
    const r = genericGetAttr(h, m, name);
    if (r !== 0) return r;
    return genericGetAttr(h, (h.payload[m] as Ref[])[0]!, name);
  };
  slots(t.method).getattro = (h, m, name) => {
    const r = slots(t.method).getattroOrNull!(h, m, name);
    if (r === 0) throw attributeError(h, m, name);
    return r;
  };
  slots(t.method).richcompare = (h, a, b, op) => {
    if ((op !== CompareOp.EQ && op !== CompareOp.NE) || h.kind[b] !== Kind.METHOD) return newRef(h, h.NotImplemented);
    const pa = h.payload[a] as Ref[];
    const pb = h.payload[b] as Ref[];
    const eq = pa[0] === pb[0] && pa[1] === pb[1];
    return newRef(h, eq === (op === CompareOp.EQ) ? h.True : h.False);
  };
  slots(t.method).hash = (h, m) => {
    const p = h.payload[m] as Ref[];
    const a = defaultHash(h, p[0]!);
    const ahi = HASH_HI[0]!;
    const b = p[1] === 0 ? 0 : defaultHash(h, p[1]!);
    const bhi = p[1] === 0 ? 0 : HASH_HI[0]!;
    const x = ((BigInt(ahi) << 32n) | BigInt(a >>> 0)) ^ ((BigInt(bhi) << 32n) | BigInt(b >>> 0));
    return hashFromBigInt(BigInt.asIntN(64, x));
  };
  slots(t.builtin_function_or_method).call = builtinCall;
  for (const d of [t.method_descriptor, t.classmethod_descriptor, t.wrapper_descriptor]) {
    slots(d).descrGet = descriptorGet;
    slots(d).call = descriptorCall;
  }
  for (const d of [t.getset_descriptor, t.member_descriptor]) {
    slots(d).descrGet = descriptorGet;
    slots(d).descrSet = descriptorSet;
  }
  slots(t.staticmethod).descrGet = (h, sm) => newRef(h, (h.payload[sm] as Ref[])[0]!);
  slots(t.classmethod).descrGet = (h, cm, obj, type) => {
    const target = type !== 0 ? type : h.typ[obj]!;
    return newBoundMethod(h, (h.payload[cm] as Ref[])[0]!, target, h.typ[target]!);
  };
  slots(t.property).descrGet = (h, prop, obj) => {
    if (obj === 0) return newRef(h, prop);
    const fget = (h.payload[prop] as Ref[])[0]!;
    if (fget === 0 || fget === h.None) throw h.newException(h.t.AttributeError, h.profile.version === '2.7' ? 'unreadable attribute' : `property of '${h.typeOf(obj).name}' object has no getter`);
    return call(h, fget, [obj]);
  };
  slots(t.property).descrSet = (h, prop, obj, value) => {
    const p = h.payload[prop] as Ref[];
    const f = value === 0 ? p[2]! : p[1]!;
    if (f === 0 || f === h.None) {
      const msg = h.profile.version === '2.7' ? (value === 0 ? "can't delete attribute" : "can't set attribute") : `property of '${h.typeOf(obj).name}' object has no ${value === 0 ? 'deleter' : 'setter'}`;
      throw h.newException(h.t.AttributeError, msg);
    }
    const res = value === 0 ? call(h, f, [obj]) : call(h, f, [obj, value]);
    h.decref(res);
  };
  // Calling a weak reference returns its referent (or None).
  slots(t.weakref).call = (h, wr, args) => {
    if (args.length !== 0) throw h.newException(h.t.TypeError, `weakref() takes no arguments (${args.length} given)`);
    const r = weakrefReferent(h, wr);
    return newRef(h, r === 0 ? h.None : r);
  };
  slots(t.weakref).hash = (h, wr) => {
    const d = h.payload[wr] as WeakrefData;
    if (!d.hashed) {
      if (d.referent === 0) throw h.newException(h.t.TypeError, 'weak object has gone away');
      d.hashLo = hashOfForWeakref(h, d.referent);
      d.hashHi = HASH_HI[0]!;
      d.hashed = true;
    }
    HASH_HI[0] = d.hashHi;
    return d.hashLo;
  };
  slots(t.weakref).richcompare = (h, a, b, op) => {
    if ((op !== CompareOp.EQ && op !== CompareOp.NE) || h.kind[b] !== Kind.WEAKREF || !isSubtype(h, h.typ[b]!, h.t.weakref)) return newRef(h, h.NotImplemented);
    const ra = weakrefReferent(h, a);
    const rb = weakrefReferent(h, b);
    let eq: boolean;
    if (ra === 0 || rb === 0) eq = a === b;
    else {
      return richCompare(h, ra, rb, op);
    }
    return newRef(h, eq === (op === CompareOp.EQ) ? h.True : h.False);
  };
  const unhashable = (h: Heap, r: Ref): number => {
    throw h.newException(h.t.TypeError, h.profile.messages.unhashable(h.typeName(r)));
  };
  slots(t.list).hash = unhashable;
  slots(t.dict).hash = unhashable;
  slots(t.set).hash = unhashable;
}

function hashOfForWeakref(heap: Heap, r: Ref): number {
  return hashOf(heap, r);
}

// ============================================================================================
// Exceptions
// ============================================================================================

/**
 * An exception instance of `type` with string `args` (new reference).
 *
 * @example
 * ```ts
 * import { Heap, newExceptionObject } from '@heaplab/heap';
 * const heap = new Heap();
 * const e = newExceptionObject(heap, heap.t.ValueError, ['bad']);
 * heap.typeName(e); // 'ValueError'
 * ```
 */
export function newExceptionObject(heap: Heap, type: Ref, args: readonly (string | Ref)[]): Ref {
  const refs = args.map((a) => (typeof a === 'string' ? newStr(heap, a) : newRef(heap, a)));
  const argsTuple = newTupleSteal(heap, refs);
  return newExceptionWithArgs(heap, type, argsTuple);
}

/** An exception instance whose `args` is the given tuple (stolen). */
export function newExceptionWithArgs(heap: Heap, type: Ref, argsTuple: Ref): Ref {
  const data: ExceptionData = {
    dict: 0,
    args: argsTuple,
    notes: 0,
    traceback: 0,
    cause: 0,
    context: 0,
    suppressContext: false,
    message: 0,
    errName: 0,
    errObj: 0,
  };
  if (heap.profile.version === '2.7') {
    const items = heap.payload[argsTuple] as Ref[];
    data.message = items.length === 1 ? newRef(heap, items[0]!) : newStr(heap, '');
  }
  const r = heap.alloc(type, Kind.EXCEPTION, data);
  heap.track(r);
  return r;
}

// ============================================================================================
// Instances
// ============================================================================================

/**
 * Allocate a bare instance of `type` (what `object.__new__(type)` does): the payload the
 * type's layout needs, tracked at once if the type is a GC type.
 */
export function allocInstance(heap: Heap, type: Ref): Ref {
  const td = heap.payload[type] as TypeData;
  let payload: unknown;
  switch (td.layout) {
    case Kind.INSTANCE: {
      // Sized for the class's current shared keys, like CPython's pre-sized inline values, so
      // storing the usual attributes never grows the array.
      const n = 1 + td.slotNames.length + (td.sharedKeys === null ? 0 : td.sharedKeyList.length);
      // Literals for the common small sizes (packed SMI arrays, cheapest to create).
      if (n === 1) payload = [0];
      else if (n === 2) payload = [0, 0];
      else if (n === 3) payload = [0, 0, 0];
      else if (n === 4) payload = [0, 0, 0, 0];
      else {
        const p: Ref[] = [];
        for (let i = 0; i < n; i++) p.push(0);
        payload = p;
      }
      break;
    }
    case Kind.LIST:
      payload = [];
      break;
    case Kind.DICT:
      payload = { store: heap.profile.dictOrder === 'table' ? new TableDict(0) : new CompactDict(0), unicodeKeys: true } satisfies DictData;
      break;
    case Kind.SET:
    case Kind.FROZENSET:
      payload = new SetStore(heap.profile.setTable);
      break;
    case Kind.EXCEPTION: {
      const data: ExceptionData = {
        dict: 0,
        args: newRef(heap, heap.emptyTuple),
        notes: 0,
        traceback: 0,
        cause: 0,
        context: 0,
        suppressContext: false,
        message: 0,
        errName: 0,
        errObj: 0,
      };
      payload = data;
      break;
    }
    case Kind.TUPLE:
      payload = [];
      break;
    default:
      throw heap.newException(heap.t.TypeError, `object.__new__(${td.name}) is not safe, use ${td.name}.__new__()`);
  }
  const r = heap.alloc(type, td.layout, payload);
  if ((td.tflags & TypeFlag.GC) !== 0) heap.track(r);
  return r;
}

function excessArgs(args: readonly Ref[], kwnames: readonly string[] | null): boolean {
  return args.length > 0 || (kwnames !== null && kwnames.length > 0);
}

/** `object.__new__(cls, *args)`. */
function objectNew(heap: Heap, args: readonly Ref[], kwnames: readonly string[] | null): Ref {
  const type = args[0];
  if (type === undefined || heap.kind[type] !== Kind.TYPE) throw heap.newException(heap.t.TypeError, 'object.__new__(X): X is not a type object');
  const rest = args.slice(1);
  if (excessArgs(rest, kwnames)) objectNewArgCheck(heap, type);
  return allocInstance(heap, type);
}

function objectNewArgCheck(heap: Heap, type: Ref): void {
  const newIsObject = typeLookup(heap, type, '__new__') === objectNewMarker;
  const initIsObject = typeLookup(heap, type, '__init__') === objectInitMarker;
  const name = (heap.payload[type] as TypeData).name;
  if (heap.profile.version === '2.7') {
    if (!newIsObject && !initIsObject) return; // a DeprecationWarning in 2.7
    if (!newIsObject || initIsObject) throw heap.newException(heap.t.TypeError, 'object() takes no parameters');
    return;
  }
  if (!newIsObject) throw heap.newException(heap.t.TypeError, 'object.__new__() takes exactly one argument (the type to instantiate)');
  if (initIsObject) throw heap.newException(heap.t.TypeError, `${name}() takes no arguments`);
}

function objectInitCheck(heap: Heap, self: Ref, args: readonly Ref[], kwnames: readonly string[] | null): void {
  if (!excessArgs(args, kwnames)) return;
  const type = heap.typ[self]!;
  const newIsObject = typeLookup(heap, type, '__new__') === objectNewMarker;
  const initIsObject = typeLookup(heap, type, '__init__') === objectInitMarker;
  if (heap.profile.version === '2.7') {
    if (!initIsObject && !newIsObject) return;
    if (!initIsObject || newIsObject) throw heap.newException(heap.t.TypeError, 'object.__init__() takes no parameters');
    return;
  }
  if (!initIsObject) throw heap.newException(heap.t.TypeError, 'object.__init__() takes exactly one argument (the instance to initialize)');
  if (newIsObject) throw heap.newException(heap.t.TypeError, `${(heap.payload[type] as TypeData).name}.__init__() takes exactly one argument (the instance to initialize)`);
}

/**
 * Calling a type: `type(x)` with one argument gives the type of `x`; otherwise
 * `obj = cls.__new__(cls, *args)` and, if `obj` is an instance of `cls`, `obj.__init__(*args)`.
 */
export function typeCall(heap: Heap, type: Ref, args: readonly Ref[], kwnames: readonly string[] | null): Ref {
  if (type === heap.t.type && args.length === 1 && kwnames === null) return newRef(heap, heap.typ[args[0]!]!);
  const td = heap.payload[type] as TypeData;
  // Constructor lookups are cached per type until any type namespace changes.
  if (td.ctorEpoch !== heap.typeEpoch) {
    td.ctorEpoch = heap.typeEpoch;
    td.ctorNew = typeLookup(heap, type, '__new__');
    td.ctorInit = typeLookup(heap, type, '__init__');
  }
  const newFn = td.ctorNew!;
  let obj: Ref;
  if (newFn === objectNewMarker || newFn === 0) {
    if (excessArgs(args, kwnames)) objectNewArgCheck(heap, type);
    if ((td.tflags & TypeFlag.HEAPTYPE) === 0 && td.layout !== Kind.INSTANCE && td.layout !== Kind.EXCEPTION) {
      throw heap.newException(heap.t.TypeError, `cannot create '${td.name}' instances`);
    }
    obj = allocInstance(heap, type);
  } else {
    const all = [type, ...args];
    // A Python-level __new__ is stored as a staticmethod; a builtin __new__ is bound to its type.
    if (heap.kind[newFn] === Kind.STATICMETHOD) obj = call(heap, (heap.payload[newFn] as Ref[])[0]!, all, kwnames);
    else obj = call(heap, newFn, all, kwnames);
  }
  if (!isSubtype(heap, heap.typ[obj]!, type)) return obj;
  const init = heap.typ[obj] === type ? td.ctorInit! : typeLookup(heap, heap.typ[obj]!, '__init__');
  if (init === objectInitMarker || init === 0) {
    if (excessArgs(args, kwnames)) {
      try {
        objectInitCheck(heap, obj, args, kwnames);
      } catch (e) {
        heap.decref(obj);
        throw e;
      }
    }
    return obj;
  }
  let res: Ref;
  try {
    res = heap.profile.slotCallsBindMethod && heap.kind[init] === Kind.FUNCTION ? callBoundFromSlot(heap, init, obj, args, kwnames) : callWithSelf(heap, init, obj, args, kwnames);
  } catch (e) {
    heap.decref(obj);
    throw e;
  }
  if (res !== heap.None) {
    const tn = heap.typeName(res);
    heap.decref(res);
    heap.decref(obj);
    throw heap.newException(heap.t.TypeError, heap.profile.version === '2.7' ? '__init__() should return None' : `__init__() should return None, not '${tn}'`);
  }
  heap.decref(res);
  return obj;
}

/**
 * 2.7's slot functions (`slot_tp_init`...) look a Python special method up with `lookup_method`,
 * which binds it (an instancemethod, from that type's free list), and call the bound method as C
 * code calls any callable (`instancemethod_call` then copies the arguments, see `methodCall`).
 */
function callBoundFromSlot(heap: Heap, fn: Ref, self: Ref, args: readonly Ref[], kwnames: readonly string[] | null): Ref {
  const bound = newBoundMethod(heap, fn, self, heap.typ[self]!);
  try {
    return call(heap, bound, args, kwnames);
  } finally {
    heap.decref(bound);
  }
}

/**
 * What 2.7's `PyObject_IsSubclass(derived, cls)` allocates for a new-style class `cls` (every
 * exception match, `PyErr_GivenExceptionMatches`, goes through it): `_PyObject_LookupSpecial`
 * binds `type.__subclasscheck__` to `cls` (a builtin method, from that free list), which is
 * called through PyObject_CallFunctionObjArgs with a new `(derived,)` tuple; both are released
 * when the check returns. No-op where the check allocates nothing (3.12's PyType_IsSubtype).
 */
export function subclassCheckAllocations(heap: Heap, derived: Ref): void {
  if (!heap.profile.classChecksBindChecker) return;
  heap.countHiddenAlloc(Kind.BUILTIN, heap.t.builtin_function_or_method);
  heap.decref(newTuple(heap, [derived]));
  heap.countHiddenFree(Kind.BUILTIN, heap.t.builtin_function_or_method);
}

/**
 * What `isinstance(inst, cls)` (`instance`) or `issubclass(inst, cls)` allocates in 2.7 before
 * answering: no exact-type shortcut but `type(inst) is cls` for isinstance; a tuple is tried item
 * by item until one matches; each plain class (metatype `type`) binds and calls its checker (see
 * `subclassCheckAllocations`). Classes with a Python-level checker are called for real elsewhere.
 */
export function classCheckAllocations(heap: Heap, inst: Ref, cls: Ref, instance: boolean, matches: (cls: Ref) => boolean): void {
  if (!heap.profile.classChecksBindChecker) return;
  if (instance && heap.typ[inst] === cls) return;
  if (heap.kind[cls] === Kind.TUPLE) {
    for (const c of (heap.payload[cls] as Ref[]).slice()) {
      classCheckAllocations(heap, inst, c, instance, matches);
      if (matches(c)) return;
    }
    return;
  }
  if (heap.kind[cls] === Kind.TYPE && heap.typ[cls] === heap.t.type) subclassCheckAllocations(heap, inst);
}

/**
 * What 2.7's `_PyObject_LengthHint(o)` allocates (list(), list.extend() and tuple() size their
 * result with it before iterating): for an object without `__len__`, PyObject_Size's TypeError is
 * matched with PyErr_ExceptionMatches (see `subclassCheckAllocations`) and cleared; then a
 * builtin `__length_hint__` (the builtin iterators') is bound (a builtin method, from its free
 * list) and called.
 */
export function lengthHintAllocations(heap: Heap, o: Ref): void {
  if (!heap.profile.classChecksBindChecker) return;
  const td = heap.payload[heap.typ[o]!] as TypeData;
  if (td.slots.len !== undefined) return;
  subclassCheckAllocations(heap, heap.t.TypeError);
  const hint = typeLookup(heap, heap.typ[o]!, '__length_hint__');
  if (hint !== 0 && heap.kind[hint] === Kind.DESCRIPTOR && heap.typ[hint] === heap.t.method_descriptor) {
    heap.countHiddenAlloc(Kind.BUILTIN, heap.t.builtin_function_or_method);
    heap.countHiddenFree(Kind.BUILTIN, heap.t.builtin_function_or_method);
  }
}

/**
 * Call a descriptor found on the type with `self` first, without creating a bound method when
 * it is a plain function or a method descriptor (CPython's `call_unbound`).
 */
export function callWithSelf(heap: Heap, descr: Ref, self: Ref, args: readonly Ref[], kwnames: readonly string[] | null): Ref {
  if (isUnboundCallable(heap, descr)) {
    const all = new Array<Ref>(args.length + 1);
    all[0] = self;
    for (let i = 0; i < args.length; i++) all[i + 1] = args[i]!;
    return call(heap, descr, all, kwnames);
  }
  const get = (heap.payload[heap.typ[descr]!] as TypeData).slots.descrGet;
  if (get === undefined) return call(heap, descr, args, kwnames);
  const bound = get(heap, descr, self, heap.typ[self]!);
  try {
    return call(heap, bound, args, kwnames);
  } finally {
    heap.decref(bound);
  }
}

// ============================================================================================
// Class creation
// ============================================================================================

/**
 * C3 linearization (`mro_internal`): the class, then a merge of its bases' MROs and the bases list.
 * Throws TypeError when no consistent order exists.
 */
export function computeMro(heap: Heap, type: Ref, bases: readonly Ref[]): Ref[] {
  const seqs: Ref[][] = bases.map((b) => [...(heap.payload[(heap.payload[b] as TypeData).mro] as Ref[])]);
  seqs.push([...bases]);
  const result: Ref[] = [type];
  for (;;) {
    const nonEmpty = seqs.filter((s) => s.length > 0);
    if (nonEmpty.length === 0) return result;
    let cand = 0;
    for (const s of nonEmpty) {
      const head = s[0]!;
      if (!nonEmpty.some((other) => other.indexOf(head) > 0)) {
        cand = head;
        break;
      }
    }
    if (cand === 0) {
      const names = [...new Set(nonEmpty.map((s) => (heap.payload[s[0]!] as TypeData).name))];
      throw heap.newException(
        heap.t.TypeError,
        `Cannot create a consistent method resolution\norder (MRO) for bases ${names.join(', ')}`,
      );
    }
    result.push(cand);
    for (const s of nonEmpty) if (s[0] === cand) s.shift();
  }
}

/** The base whose instance layout the new class must extend (`best_base`). */
function solidBase(heap: Heap, type: Ref): Ref {
  let t = type;
  for (;;) {
    const td = heap.payload[t] as TypeData;
    if ((td.tflags & TypeFlag.HEAPTYPE) === 0 || td.slotNames.length > td.ownSlotStart) return t;
    if (td.base === 0) return t;
    t = td.base;
  }
}

function bestBase(heap: Heap, bases: readonly Ref[]): Ref {
  let base = 0;
  let winner = 0;
  for (const b of bases) {
    const candidate = solidBase(heap, b);
    if (winner === 0) {
      winner = candidate;
      base = b;
    } else if (isSubtype(heap, winner, candidate)) {
      // keep
    } else if (isSubtype(heap, candidate, winner)) {
      winner = candidate;
      base = b;
    } else {
      throw heap.newException(heap.t.TypeError, 'multiple bases have instance lay-out conflict');
    }
  }
  return base;
}

/** Python's private name mangling for `__slots__` entries. */
function mangle(className: string, name: string): string {
  if (!name.startsWith('__') || name.endsWith('__') || name.includes('.')) return name;
  const stripped = className.replace(/^_+/, '');
  if (stripped === '') return name;
  return `_${stripped}${name}`;
}

/** What `newClass` needs besides the namespace. */
export interface ClassSpec {
  name: string;
  /** Base classes (borrowed). Empty means `(object,)`. */
  bases: readonly Ref[];
  /** The class body's namespace (borrowed; copied). */
  namespace: Ref;
  /** The metaclass (defaults to the most derived metaclass of the bases, else `type`). */
  metatype?: Ref;
  /**
   * The tuple `bases` came in (borrowed): `type_new` keeps it as `__bases__` rather than making
   * a new one. Ignored when its items are not `bases`.
   */
  basesTuple?: Ref;
  /** `__module__` for the class's dict when the namespace has none (borrowed). */
  module?: Ref;
}

/**
 * Whether instances of `t` are variable-size objects (CPython's `tp_itemsize != 0`): tuple, type,
 * and `bytes`/`int` in 3.12 (`str`/`long` in 2.7), and their subclasses. Such bases cannot take
 * `__slots__` and their subclasses get no `__weakref__` slot.
 */
export function hasItemsize(heap: Heap, t: Ref): boolean {
  let b = t;
  while (b !== 0 && ((heap.payload[b] as TypeData).tflags & TypeFlag.HEAPTYPE) !== 0) b = (heap.payload[b] as TypeData).base;
  if (b === 0) return false;
  if (b === heap.t.tuple || b === heap.t.type) return true;
  return heap.profile.version === '2.7' ? b === heap.t.str || b === heap.t.long : b === heap.t.bytes || b === heap.t.int;
}

/**
 * `type(name, bases, namespace)`: create a class (a heap type), as CPython's `type_new` does —
 * copying the namespace, adding the `__dict__`/`__weakref__` descriptors when the class is the
 * first in its hierarchy to provide them, honouring `__slots__`, computing the MRO and
 * installing slot dispatchers for the dunder methods it defines.
 *
 * @example
 * ```ts
 * import { Heap, newClass, newDict, call } from '@heaplab/heap';
 * const heap = new Heap();
 * const ns = newDict(heap);
 * const A = newClass(heap, { name: 'A', bases: [], namespace: ns });
 * const a = call(heap, A, []); // an instance of A
 * ```
 */
export function newClass(heap: Heap, spec: ClassSpec): Ref {
  const bases = spec.bases.length === 0 ? [heap.t.object] : [...spec.bases];
  for (const b of bases) {
    if (heap.kind[b] !== Kind.TYPE) throw heap.newException(heap.t.TypeError, 'bases must be types');
    const btd = heap.payload[b] as TypeData;
    if ((btd.tflags & TypeFlag.BASETYPE) === 0 && b !== heap.t.object) {
      throw heap.newException(heap.t.TypeError, `type '${btd.name}' is not an acceptable base type`);
    }
  }
  const metatype = spec.metatype ?? heap.t.type;
  const base = bestBase(heap, bases);
  const btd = heap.payload[base] as TypeData;
  const is312 = heap.profile.instanceDict === 'inline';

  // Copy the namespace.
  const dict = newDict(heap);
  const entries = dictEntries(heap, spec.namespace);
  for (let i = 0; i < entries.length; i += 2) {
    const k = entries[i]!;
    if (heap.kind[k] !== Kind.STR) continue;
    dictSetStr(heap, dict, heap.payload[k] as string, entries[i + 1]!);
  }
  if (spec.module !== undefined && dictGetStr(heap, dict, '__module__') === 0) dictSetStr(heap, dict, '__module__', spec.module);

  // __slots__
  const slotsObj = dictGetStr(heap, dict, '__slots__');
  let ownSlots: string[] = [];
  let htSlots = 0;
  // `type` keeps its instances' dict in tp_dict (tp_dictoffset != 0), so a metaclass gets no
  // `__dict__` descriptor of its own (CPython's may_add_dict is false for type subclasses).
  let addDict = (btd.tflags & TypeFlag.HAS_DICT) === 0 && btd.layout !== Kind.TYPE;
  // CPython's may_add_weak: the base has no weaklist yet and a fixed size (tp_itemsize == 0).
  const varSized = hasItemsize(heap, base);
  let addWeak = (btd.tflags & TypeFlag.WEAKREFABLE) === 0 && !varSized;
  if (slotsObj !== 0) {
    const names: string[] = [];
    if (heap.kind[slotsObj] === Kind.STR) names.push(heap.payload[slotsObj] as string);
    else if (heap.kind[slotsObj] === Kind.TUPLE || heap.kind[slotsObj] === Kind.LIST) {
      for (const it of heap.payload[slotsObj] as Ref[]) {
        if (heap.kind[it] !== Kind.STR) throw heap.newException(heap.t.TypeError, `__slots__ items must be strings, not '${heap.typeName(it)}'`);
        names.push(heap.payload[it] as string);
      }
    } else throw heap.newException(heap.t.TypeError, "__slots__ must be a sequence of strings");
    // Any __slots__ entry (even __dict__/__weakref__) on a variable-size base is refused first.
    if (names.length > 0 && varSized) {
      throw heap.newException(heap.t.TypeError, `nonempty __slots__ not supported for subtype of '${btd.tpName}'`);
    }
    let wantDict = false;
    let wantWeak = false;
    for (const n of names) {
      if (n === '__dict__') {
        if (!addDict || wantDict) throw heap.newException(heap.t.TypeError, '__dict__ slot disallowed: we already got one');
        wantDict = true;
      } else if (n === '__weakref__') {
        if (!addWeak || wantWeak) {
          throw heap.newException(
            heap.t.TypeError,
            heap.profile.version === '2.7'
              ? '__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0'
              : '__weakref__ slot disallowed: we already got one',
          );
        }
        wantWeak = true;
      } else ownSlots.push(mangle(spec.name, n));
    }
    ownSlots = [...new Set(ownSlots)].sort();
    if (heap.profile.classCreation?.slotsTuples === true) {
      // 3.12: a str or a list becomes a new tuple first; the names are sorted in a new list,
      // turned into the tuple the class keeps (released in type_dealloc), and the rest dropped.
      const fresh = heap.typ[slotsObj] !== heap.t.tuple && names.length > 0;
      if (fresh) heap.countHiddenTupleAlloc(names.length);
      heap.countHiddenAlloc(Kind.LIST, heap.t.list);
      if (ownSlots.length > 0) heap.countHiddenTupleAlloc(ownSlots.length);
      heap.countHiddenFree(Kind.LIST, heap.t.list);
      if (fresh) heap.countHiddenFree(Kind.TUPLE, heap.t.tuple, names.length);
      htSlots = ownSlots.length;
    }
    addDict = addDict && wantDict;
    addWeak = addWeak && wantWeak;
  }

  let tflags = TypeFlag.HEAPTYPE | TypeFlag.BASETYPE;
  tflags |= btd.tflags & (TypeFlag.HAS_DICT | TypeFlag.WEAKREFABLE | TypeFlag.EXCEPTION | TypeFlag.TYPE_SUBCLASS);
  if (addDict) tflags |= TypeFlag.HAS_DICT;
  if (addWeak) tflags |= TypeFlag.WEAKREFABLE;
  // Which instances are GC objects: builtin GC bases, anything with a dict or slots; in 3.12
  // every heap type (its instances reference the type).
  // Which instances are GC objects: 3.12 makes every heap type GC (instances reference their
  // type); 2.7 only skips GC when an instance is a bare object (no dict, weakref list or slots).
  const bareObject = btd.layout === Kind.INSTANCE && (btd.tflags & TypeFlag.GC) === 0 && btd.slotNames.length === 0 && (btd.tflags & (TypeFlag.HAS_DICT | TypeFlag.WEAKREFABLE)) === 0;
  const gc =
    heap.profile.emptySlotsInstancesAreGc ||
    !bareObject ||
    (tflags & (TypeFlag.HAS_DICT | TypeFlag.WEAKREFABLE)) !== 0 ||
    ownSlots.length > 0;
  if (gc) tflags |= TypeFlag.GC;
  if (GC_KINDS.has(btd.layout) && btd.layout !== Kind.INSTANCE) tflags |= TypeFlag.GC;
  const inline = is312 && (tflags & TypeFlag.HAS_DICT) !== 0 && btd.layout === Kind.INSTANCE && (btd.tflags & TypeFlag.HEAPTYPE ? btd.sharedKeys !== null : base === heap.t.object);
  if (inline) tflags |= TypeFlag.INLINE_VALUES;

  // __qualname__ leaves the namespace; __module__ and __doc__ are filled in.
  const qualnameObj = dictGetStr(heap, dict, '__qualname__');
  const qualname = qualnameObj !== 0 && heap.kind[qualnameObj] === Kind.STR ? (heap.payload[qualnameObj] as string) : spec.name;
  if (qualnameObj !== 0) dictDelStr(heap, dict, '__qualname__');
  if (dictGetStr(heap, dict, '__doc__') === 0) dictSetStr(heap, dict, '__doc__', heap.None);
  const moduleObj = dictGetStr(heap, dict, '__module__');
  const module = moduleObj !== 0 && heap.kind[moduleObj] === Kind.STR ? (heap.payload[moduleObj] as string) : 'builtins';
  // 3.12: defining __eq__ without __hash__ makes instances unhashable.
  if (is312 && dictGetStr(heap, dict, '__eq__') !== 0 && dictGetStr(heap, dict, '__hash__') === 0) dictSetStr(heap, dict, '__hash__', heap.None);
  // A Python __new__ is implicitly a staticmethod.
  const newFn = dictGetStr(heap, dict, '__new__');
  if (newFn !== 0 && heap.kind[newFn] === Kind.FUNCTION) {
    heap.rc[newFn]++;
    const sm = heap.alloc(heap.t.staticmethod, Kind.STATICMETHOD, [newFn]);
    heap.track(sm);
    dictSetStr(heap, dict, '__new__', sm);
    heap.decref(sm);
  }
  for (const special of ['__init_subclass__', '__class_getitem__']) {
    const f = dictGetStr(heap, dict, special);
    if (f !== 0 && heap.kind[f] === Kind.FUNCTION) {
      heap.rc[f]++;
      const cm = heap.alloc(heap.t.classmethod, Kind.CLASSMETHOD, [f]);
      heap.track(cm);
      dictSetStr(heap, dict, special, cm);
      heap.decref(cm);
    }
  }

  const td: TypeData = {
    name: spec.name,
    tpName: spec.name,
    qualname,
    module,
    dict: 0,
    bases: 0,
    mro: 0,
    base: 0,
    layout: btd.layout,
    tflags,
    slotNames: [...btd.slotNames, ...ownSlots],
    ownSlotStart: btd.slotNames.length,
    sharedKeys: inline ? new Map() : null,
    sharedKeyList: [],
    slots: {},
    cache: new Map(),
    cacheEpoch: 0,
    subclasses: [],
    finalizerEpoch: 0,
    hasFinalizer: false,
  };
  if (htSlots > 0) td.htSlots = htSlots;
  let type: Ref;
  try {
    type = heap.alloc(metatype, Kind.TYPE, td);
  } catch (e) {
    heap.decref(dict);
    throw e;
  }
  td.dict = dict;
  const given = spec.basesTuple ?? 0;
  const givenItems = given !== 0 ? (heap.payload[given] as Ref[]) : null;
  if (givenItems !== null && givenItems.length === bases.length && givenItems.every((b, i) => b === bases[i])) {
    heap.rc[given]++;
    td.bases = given;
  } else td.bases = newTuple(heap, bases);
  heap.rc[base]++;
  td.base = base;
  try {
    const mro = computeMro(heap, type, bases);
    td.mro = newTuple(heap, mro);
  } catch (e) {
    heap.decref(type);
    throw e;
  }
  heap.track(type);
  heap.typeEpoch++;
  for (let i = 0; i < bases.length; i++) addSubclass(heap, bases[i]!, type, i === 0);

  // Descriptors: __dict__ / __weakref__ when this class adds them, member descriptors for slots.
  if (addDict) addDictDescriptor(heap, type);
  if (addWeak) addWeakrefDescriptor(heap, type);
  for (let i = 0; i < ownSlots.length; i++) addMemberDescriptor(heap, type, ownSlots[i]!, td.ownSlotStart + i);
  // 3.12: PyType_Ready links the class into its bases' subclass dicts after filling its dict.
  countSubclassLink(heap, type, bases);

  refreshSlots(heap, type);
  return type;
}

/**
 * Record `type` among `base`'s subclasses. 2.7's `add_subclass` keeps them as weak references
 * (GC objects) in a list `base->tp_subclasses`, made for the first subclass (builtin bases
 * already have theirs); a new subclass takes the place of a dead reference if there is one (the
 * dead weakref is freed) and otherwise is appended. A weak reference without a callback is
 * shared (PyWeakref_NewRef returns the object's existing one), so the class's later bases get the
 * weakref made for the first. HeapLab counts the lists and the weakref.
 */
function addSubclass(heap: Heap, base: Ref, type: Ref, firstBase: boolean): void {
  const subs = (heap.payload[base] as TypeData).subclasses;
  if (heap.profile.subclassWeakrefList) {
    const btd = heap.payload[base] as TypeData;
    if (subs.length === 0 && (btd.tflags & TypeFlag.HEAPTYPE) !== 0) heap.countHiddenAlloc(Kind.LIST, heap.t.list);
    if (firstBase) heap.countHiddenAlloc(Kind.WEAKREF, heap.t.weakref);
    for (let i = subs.length - 1; i >= 0; i--) {
      if (isDeadSubclass(heap, base, subs[i]!)) {
        heap.countHiddenFree(Kind.WEAKREF, heap.t.weakref);
        subs[i] = type;
        return;
      }
    }
  }
  subs.push(type);
}

/** A `subclasses` entry whose class has died (its slot free or reused). */
function isDeadSubclass(heap: Heap, base: Ref, s: Ref): boolean {
  if ((heap.flags[s]! & Flag.FREE) !== 0 || heap.kind[s] !== Kind.TYPE) return true;
  const b = (heap.payload[s] as TypeData).bases;
  return b === 0 || !(heap.payload[b] as Ref[]).includes(base);
}

function addDictDescriptor(heap: Heap, type: Ref): void {
  const d = newGetSetDescriptor(
    heap,
    type,
    '__dict__',
    (h, obj) => {
      const dict = h.kind[obj] === Kind.INSTANCE ? materializeDict(h, obj) : objectDict(h, obj, true);
      return newRef(h, dict);
    },
    (h, obj, value) => {
      if (value === 0 || h.kind[value] !== Kind.DICT) throw h.newException(h.t.TypeError, `__dict__ must be set to a dictionary, not a '${value === 0 ? 'NoneType' : h.typeName(value)}'`);
      if (h.kind[obj] === Kind.INSTANCE) {
        const p = h.payload[obj] as Ref[];
        materializeDict(h, obj);
        const old = p[0]!;
        h.rc[value]++;
        p[0] = value;
        h.decref(old);
      }
    },
  );
  dictSetStr(heap, (heap.payload[type] as TypeData).dict, '__dict__', d);
  heap.decref(d);
}

function addWeakrefDescriptor(heap: Heap, type: Ref): void {
  const d = newGetSetDescriptor(heap, type, '__weakref__', (h, obj) => {
    const list = h.weakrefLists.get(obj);
    return newRef(h, list !== undefined && list.length > 0 ? list[0]! : h.None);
  });
  dictSetStr(heap, (heap.payload[type] as TypeData).dict, '__weakref__', d);
  heap.decref(d);
}

function addMemberDescriptor(heap: Heap, type: Ref, name: string, index: number): void {
  heap.rc[type]++;
  const data = {
    type,
    name,
    slotIndex: index,
    get: ((h: Heap, obj: Ref) => {
      const v = getSlot(h, obj, index);
      if (v === 0) throw h.newException(h.t.AttributeError, h.profile.version === '2.7' ? name : `'${h.typeOf(obj).name}' object has no attribute '${name}'`);
      return newRef(h, v);
    }) as unknown,
    set: ((h: Heap, obj: Ref, value: Ref) => {
      const p = slotStorage(h, obj);
      const old = p[1 + index] ?? 0;
      if (value === 0 && old === 0) throw h.newException(h.t.AttributeError, h.profile.version === '2.7' ? name : `'${h.typeOf(obj).name}' object has no attribute '${name}'`);
      h.xincref(value);
      p[1 + index] = value;
      h.xdecref(old);
    }) as unknown,
  };
  const d = heap.alloc(heap.t.member_descriptor, Kind.DESCRIPTOR, data);
  heap.track(d);
  dictSetStr(heap, (heap.payload[type] as TypeData).dict, name, d);
  heap.decref(d);
}

/** Setting an attribute on a type: heap types only; invalidates caches and refreshes slots for dunders. */
function typeSetAttr(heap: Heap, type: Ref, name: string, value: Ref): void {
  const td = heap.payload[type] as TypeData;
  // Static types, and 3.12 heap types made immutable (Py_TPFLAGS_IMMUTABLETYPE, as extension
  // modules' types are), refuse attributes; the message names the type by its tp_name.
  if ((td.tflags & TypeFlag.HEAPTYPE) === 0 || (td.tflags & TypeFlag.IMMUTABLE) !== 0) {
    throw heap.newException(
      heap.t.TypeError,
      heap.profile.version === '2.7'
        ? `can't set attributes of built-in/extension type '${td.tpName}'`
        : `cannot set '${name}' attribute of immutable type '${td.tpName}'`,
    );
  }
  // A data descriptor on the metatype (e.g. __dict__ is read-only on types)
  const metaDescr = typeLookup(heap, heap.typ[type]!, name);
  if (metaDescr !== 0 && (heap.payload[heap.typ[metaDescr]!] as TypeData).slots.descrSet !== undefined) {
    genericSetAttr(heap, type, name, value);
    return;
  }
  heap.typeEpoch++;
  if (value === 0) {
    if (!dictDelStr(heap, td.dict, name)) throw attributeError(heap, type, name);
  } else {
    if (name === '__name__') {
      if (heap.kind[value] !== Kind.STR) throw heap.newException(heap.t.TypeError, `can only assign string to ${td.name}.__name__, not '${heap.typeName(value)}'`);
      td.name = heap.payload[value] as string;
      td.tpName = td.name;
      return;
    }
    dictSetStr(heap, td.dict, name, value);
  }
  if (name.startsWith('__') && name.endsWith('__')) {
    const stack = [type];
    while (stack.length > 0) {
      const t = stack.pop()!;
      refreshSlots(heap, t);
      for (const s of (heap.payload[t] as TypeData).subclasses) if (!(heap.flags[s]! & Flag.FREE)) stack.push(s);
    }
  }
}

// ============================================================================================
// Slot dispatchers for classes (CPython's slot_tp_* functions)
// ============================================================================================

/** Find a dunder defined by a heap type along the MRO (borrowed), or 0 if only builtins define it. */
function heapDunder(heap: Heap, type: Ref, name: string): Ref {
  const mro = heap.payload[(heap.payload[type] as TypeData).mro] as Ref[];
  for (const t of mro) {
    const ttd = heap.payload[t] as TypeData;
    const v = dictGetStr(heap, ttd.dict, name);
    if (v !== 0) return (ttd.tflags & TypeFlag.HEAPTYPE) !== 0 ? v : 0;
  }
  return 0;
}

/** Call `type(self).name(self, *args)` (new reference). */
export function callDunder(heap: Heap, self: Ref, name: string, args: readonly Ref[]): Ref {
  const f = typeLookup(heap, heap.typ[self]!, name);
  if (f === 0) throw attributeError(heap, self, name);
  heap.rc[f]++;
  try {
    return callWithSelf(heap, f, self, args, null);
  } finally {
    heap.decref(f);
  }
}

const RICH_NAMES = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];

/**
 * Recompute a class's slots from the dunders its MRO defines: a dunder defined by some class in
 * the hierarchy installs a dispatcher; otherwise the slot is inherited from the solid base.
 */
export function refreshSlots(heap: Heap, type: Ref): void {
  const td = heap.payload[type] as TypeData;
  const base = td.base;
  const inherited = base !== 0 ? (heap.payload[base] as TypeData).slots : {};
  const has = (n: string) => heapDunder(heap, type, n) !== 0;
  const is27 = heap.profile.version === '2.7';
  const s: TypeSlots = { ...inherited };

  // Always: the finalizer (checked lazily through hasFinalizer) and generic attribute access.
  s.finalize = heapFinalize;
  s.getattro = undefined;
  s.getattroOrNull = undefined;
  s.setattro = undefined;
  if (has('__getattribute__') || has('__getattr__')) {
    s.getattro = slotGetattro;
    s.getattroOrNull = slotGetattroOrNull;
  }
  if (has('__setattr__') || has('__delattr__')) s.setattro = slotSetattro;
  if (has('__hash__')) s.hash = slotHash;
  if (RICH_NAMES.some(has)) s.richcompare = slotRichcompare;
  if (has('__repr__')) s.repr = (h, self) => slotStringResult(h, self, '__repr__');
  if (has('__str__')) s.str = (h, self) => slotStringResult(h, self, '__str__');
  if (has('__call__')) s.call = (h, self, args, kw) => callDunderKw(h, self, '__call__', args, kw);
  if (has('__get__')) s.descrGet = (h, d, obj, t) => callDunder(h, d, '__get__', [obj === 0 ? h.None : obj, t === 0 ? h.None : t]);
  else if (inherited.descrGet === undefined) s.descrGet = undefined;
  if (has('__set__') || has('__delete__')) {
    s.descrSet = (h, d, obj, value) => {
      const res = value === 0 ? callDunder(h, d, '__delete__', [obj]) : callDunder(h, d, '__set__', [obj, value]);
      h.decref(res);
    };
  }
  if (has('__len__')) s.len = slotLen;
  if (has(is27 ? '__nonzero__' : '__bool__')) s.bool = slotBool;
  if (has('__iter__')) s.iter = (h, self) => callDunder(h, self, '__iter__', []);
  if (has(is27 ? 'next' : '__next__')) s.iternext = slotIterNext;
  if (has('__getitem__')) s.getitem = (h, self, key) => callDunder(h, self, '__getitem__', [key]);
  if (has('__setitem__') || has('__delitem__')) {
    s.setitem = (h, self, key, value) => {
      const res = value === 0 ? callDunder(h, self, '__delitem__', [key]) : callDunder(h, self, '__setitem__', [key, value]);
      h.decref(res);
    };
  }
  if (has('__contains__')) s.contains = (h, self, item) => {
    const res = callDunder(h, self, '__contains__', [item]);
    try {
      return isTrue(h, res);
    } finally {
      h.decref(res);
    }
  };
  td.slots = s;
  heap.typeEpoch++;
}

function callDunderKw(heap: Heap, self: Ref, name: string, args: readonly Ref[], kw: readonly string[] | null): Ref {
  const f = typeLookup(heap, heap.typ[self]!, name);
  if (f === 0) throw attributeError(heap, self, name);
  heap.rc[f]++;
  try {
    return callWithSelf(heap, f, self, args, kw);
  } finally {
    heap.decref(f);
  }
}

function slotGetattroOrNull(heap: Heap, self: Ref, name: string): Ref {
  const type = heap.typ[self]!;
  const getattribute = heapDunder(heap, type, '__getattribute__');
  let r: Ref;
  if (getattribute !== 0) {
    const nameStr = intern(heap, name);
    try {
      r = callDunder(heap, self, '__getattribute__', [nameStr]);
    } catch (e) {
      if (!heap.isExceptionOf(e, heap.t.AttributeError) || heapDunder(heap, type, '__getattr__') === 0) {
        heap.decref(nameStr);
        if (heap.isExceptionOf(e, heap.t.AttributeError)) {
          (e as PyException).release(heap);
          return 0;
        }
        throw e;
      }
      (e as PyException).release(heap);
      r = 0;
    }
    heap.decref(nameStr);
    if (r !== 0) return r;
  } else {
    r = genericGetAttr(heap, self, name);
    if (r !== 0) return r;
  }
  if (heapDunder(heap, type, '__getattr__') === 0) return 0;
  const nameStr = intern(heap, name);
  try {
    return callDunder(heap, self, '__getattr__', [nameStr]);
  } catch (e) {
    if (heap.isExceptionOf(e, heap.t.AttributeError)) {
      (e as PyException).release(heap);
      return 0;
    }
    throw e;
  } finally {
    heap.decref(nameStr);
  }
}

function slotGetattro(heap: Heap, self: Ref, name: string): Ref {
  const type = heap.typ[self]!;
  const getattribute = heapDunder(heap, type, '__getattribute__');
  const nameStr = intern(heap, name);
  try {
    if (getattribute !== 0) {
      try {
        return callDunder(heap, self, '__getattribute__', [nameStr]);
      } catch (e) {
        if (!heap.isExceptionOf(e, heap.t.AttributeError) || heapDunder(heap, type, '__getattr__') === 0) throw e;
        (e as PyException).release(heap);
      }
    } else {
      const r = genericGetAttr(heap, self, name);
      if (r !== 0) return r;
      if (heapDunder(heap, type, '__getattr__') === 0) throw attributeError(heap, self, name);
    }
    return callDunder(heap, self, '__getattr__', [nameStr]);
  } finally {
    heap.decref(nameStr);
  }
}

function slotSetattro(heap: Heap, self: Ref, name: string, value: Ref): void {
  const dunder = value === 0 ? '__delattr__' : '__setattr__';
  if (heapDunder(heap, heap.typ[self]!, dunder) === 0) {
    genericSetAttr(heap, self, name, value);
    return;
  }
  const nameStr = intern(heap, name);
  try {
    const res = value === 0 ? callDunder(heap, self, dunder, [nameStr]) : callDunder(heap, self, dunder, [nameStr, value]);
    heap.decref(res);
  } finally {
    heap.decref(nameStr);
  }
}

function slotHash(heap: Heap, self: Ref): number {
  const f = typeLookup(heap, heap.typ[self]!, '__hash__');
  if (f === heap.None) throw heap.newException(heap.t.TypeError, heap.profile.messages.unhashable(heap.typeName(self)));
  if (heapDunder(heap, heap.typ[self]!, '__hash__') === 0) return defaultHash(heap, self);
  const res = callDunder(heap, self, '__hash__', []);
  try {
    const k = heap.kind[res];
    if (k !== Kind.INT && k !== Kind.BOOL) throw heap.newException(heap.t.TypeError, heap.profile.version === '2.7' ? '__hash__() should return an int' : '__hash__ method should return an integer');
    return hashOf(heap, res);
  } finally {
    heap.decref(res);
  }
}

function slotRichcompare(heap: Heap, self: Ref, other: Ref, op: CompareOp): Ref {
  const name = RICH_NAMES[op]!;
  const f = typeLookup(heap, heap.typ[self]!, name);
  if (f === 0 || heapDunder(heap, heap.typ[self]!, name) === 0) {
    // Not overridden here: 3.12's object.__ne__ inverts __eq__.
    if (op === CompareOp.NE && heap.profile.version !== '2.7' && heapDunder(heap, heap.typ[self]!, '__eq__') !== 0) {
      const eq = callDunder(heap, self, '__eq__', [other]);
      if (eq === heap.NotImplemented) return eq;
      try {
        return newRef(heap, isTrue(heap, eq) ? heap.False : heap.True);
      } finally {
        heap.decref(eq);
      }
    }
    if (f !== 0 && f !== heap.None) return callWithSelf(heap, f, self, [other], null);
    return newRef(heap, heap.NotImplemented);
  }
  if (f === heap.None) return newRef(heap, heap.NotImplemented);
  return callWithSelf(heap, f, self, [other], null);
}

function slotStringResult(heap: Heap, self: Ref, name: string): string {
  const res = callDunder(heap, self, name, []);
  try {
    if (heap.kind[res] !== Kind.STR) {
      throw heap.newException(heap.t.TypeError, `${name} returned non-string (type ${heap.typeName(res)})`);
    }
    return heap.payload[res] as string;
  } finally {
    heap.decref(res);
  }
}

function slotLen(heap: Heap, self: Ref): number {
  const res = callDunder(heap, self, '__len__', []);
  try {
    if (heap.kind[res] !== Kind.INT && heap.kind[res] !== Kind.BOOL) {
      throw heap.newException(heap.t.TypeError, `'${heap.typeName(res)}' object cannot be interpreted as an integer`);
    }
    const v = Number(heap.payload[res] as number | bigint);
    if (v < 0) throw heap.newException(heap.t.ValueError, '__len__() should return >= 0');
    return v;
  } finally {
    heap.decref(res);
  }
}

function slotBool(heap: Heap, self: Ref): boolean {
  const name = heap.profile.version === '2.7' ? '__nonzero__' : '__bool__';
  const res = callDunder(heap, self, name, []);
  try {
    if (heap.kind[res] === Kind.BOOL) return res === heap.True;
    if (heap.profile.version === '2.7' && heap.kind[res] === Kind.INT) return isTrue(heap, res);
    throw heap.newException(
      heap.t.TypeError,
      heap.profile.version === '2.7' ? `__nonzero__ should return bool or int, returned ${heap.typeName(res)}` : `__bool__ should return bool, returned ${heap.typeName(res)}`,
    );
  } finally {
    heap.decref(res);
  }
}

function slotIterNext(heap: Heap, self: Ref): Ref {
  try {
    return callDunder(heap, self, heap.profile.version === '2.7' ? 'next' : '__next__', []);
  } catch (e) {
    if (heap.isExceptionOf(e, heap.t.StopIteration)) {
      (e as PyException).release(heap);
      return 0;
    }
    throw e;
  }
}

/**
 * The finalizer slot of every class: call `__del__` if the class has one. An exception is
 * reported as unraisable: 3.12 names the function (`Exception ignored in: <function D.__del__
 * at ...>`), 2.7 the bound method (`Exception ... in <bound method D.__del__ of ...> ignored`).
 */
function heapFinalize(heap: Heap, self: Ref): void {
  const del = typeLookup(heap, heap.typ[self]!, '__del__');
  if (del === 0) return;
  heap.rc[del]++;
  try {
    const res = callWithSelf(heap, del, self, [], null);
    heap.decref(res);
  } catch (e) {
    if (!(e instanceof PyException)) throw e;
    if (heap.profile.version === '2.7') {
      const bound = heap.kind[del] === Kind.FUNCTION ? newBoundMethod(heap, del, self, heap.typ[self]!) : newRef(heap, del);
      heap.hooks.writeUnraisable(e.exc, bound);
      heap.decref(bound);
    } else heap.hooks.writeUnraisable(e.exc, del);
    e.release(heap);
  } finally {
    heap.decref(del);
  }
}

export { newBuiltinFunction, type NativeFn };
