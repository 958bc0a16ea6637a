/**
 * `object`, `type`, `super`, `property`, `staticmethod` and `classmethod`: attribute access
 * dunders, type getsets (`__name__`, `__mro__`, `__dict__`...), 3-argument `type()`,
 * `isinstance`/`issubclass` with `__instancecheck__`/`__subclasscheck__`, and `super()`.
 */
import {
  addressText,
  attributeError,
  builtinRepr,
  call,
  callWithSelf,
  cellSet,
  CompareOp,
  type DescriptorData,
  dictDelStr,
  dictEntries,
  dictGetStr,
  dictSetStr,
  Flag,
  genericGetAttr,
  genericSetAttr,
  getAttrOrNull,
  hashToBigInt,
  HASH_HI,
  type Heap,
  isSubtype,
  isTrue,
  Kind,
  materializeDict,
  newBuiltinFunction,
  newClass,
  newDict,
  newInt,
  newList,
  newStr,
  newTuple,
  objectDict,
  pointerHash,
  PyException,
  type Ref,
  reprOf,
  strOf,
  strRepr,
  typeCall,
  typeLookup,
  TypeFlag,
  type TypeData,
  richCompare,
  setAttr,
  newBoundMethod,
} from '@heaplab/heap';
import { libState } from '../state.js';
import {
  callSpecialOrNull,
  checkArity,
  forEach,
  is27,
  isHeapType,
  newRef,
  none,
  notImpl,
  parseArgs,
  pyBool,
  pyErr,
  tpName,
  typeError,
} from '../util.js';
import { allocOf, defineNew, getset, method, setSlot, tdOf } from './define.js';

// ============================================================================================
// Shared helpers
// ============================================================================================

/** `type.__module__` of a type as a JS string. */
function typeModule(heap: Heap, type: Ref): string {
  const td = tdOf(heap, type);
  if ((td.tflags & TypeFlag.HEAPTYPE) !== 0) {
    const m = dictGetStr(heap, td.dict, '__module__');
    if (m !== 0 && heap.kind[m] === Kind.STR) return heap.payload[m] as string;
    return td.module;
  }
  const dot = td.tpName.lastIndexOf('.');
  if (dot >= 0) return td.tpName.slice(0, dot);
  return td.module;
}

/**
 * `object.__repr__`: `<module.Qualname object at 0x...>`.
 *
 * @example
 * ```ts
 * objectRepr(heap, instance); // '<__main__.A object at 0x7f...>'
 * ```
 */
export function objectRepr(heap: Heap, r: Ref): string {
  const type = heap.typ[r]!;
  const td = tdOf(heap, type);
  if (is27(heap)) {
    if ((td.tflags & TypeFlag.HEAPTYPE) === 0) return `<${td.tpName} object at ${addressText(heap, r)}>`;
    return `<${typeModule(heap, type)}.${td.name} object at ${addressText(heap, r)}>`;
  }
  const mod = typeModule(heap, type);
  const name = mod === 'builtins' ? td.qualname : `${mod}.${td.qualname}`;
  return `<${name} object at ${addressText(heap, r)}>`;
}

/** The Python-visible hash of an object's address (`object.__hash__`). */
function addressHash(heap: Heap, r: Ref): Ref {
  const lo = pointerHash(heap.addressOf(r));
  return newInt(heap, hashToBigInt(lo, HASH_HI[0]!));
}

/**
 * An attribute-name argument: must be a str.
 *
 * @example
 * ```ts
 * attrName(heap, newStr(heap, 'x')); // 'x' (TypeError for non-strings)
 * ```
 */
export function attrName(heap: Heap, r: Ref): string {
  if (heap.kind[r] !== Kind.STR) {
    throw typeError(heap, `attribute name must be string, not '${tpName(heap, r)}'`);
  }
  return heap.payload[r] as string;
}

/**
 * A new `mappingproxy` over `mapping` (3.12 `mappingproxy`, 2.7 `dictproxy`).
 *
 * @example
 * ```ts
 * reprOf(heap, newMappingProxy(heap, toPy(heap, { a: 1 }))); // "mappingproxy({'a': 1})"
 * ```
 */
export function newMappingProxy(heap: Heap, mapping: Ref): Ref {
  heap.incref(mapping);
  const r = heap.alloc(heap.t.mappingproxy, Kind.MAPPINGPROXY, [mapping]);
  heap.track(r);
  return r;
}

// ============================================================================================
// isinstance / issubclass
// ============================================================================================

function classicIsSubclass(heap: Heap, klass: Ref, base: Ref): boolean {
  if (klass === base) return true;
  const data = heap.payload[klass] as { bases: Ref };
  if (data.bases === 0) return false;
  for (const b of heap.payload[data.bases] as Ref[]) if (heap.kind[b] === Kind.CLASSIC_CLASS && classicIsSubclass(heap, b, base)) return true;
  return false;
}

/** `recursive_isinstance`: subtype check, then the object's `__class__` (proxies). */
function recursiveIsInstance(heap: Heap, inst: Ref, cls: Ref): boolean {
  if (heap.kind[cls] === Kind.CLASSIC_CLASS) {
    if (heap.kind[inst] !== Kind.CLASSIC_INSTANCE) return false;
    return classicIsSubclass(heap, (heap.payload[inst] as Ref[])[0]!, cls);
  }
  if (heap.kind[cls] === Kind.TYPE) {
    if (isSubtype(heap, heap.typ[inst]!, cls)) return true;
    const td = tdOf(heap, heap.typ[inst]!);
    if (td.slots.getattro !== undefined) {
      const icls = getAttrOrNull(heap, inst, '__class__');
      if (icls !== 0) {
        try {
          if (icls !== heap.typ[inst] && heap.kind[icls] === Kind.TYPE) return isSubtype(heap, icls, cls);
        } finally {
          heap.decref(icls);
        }
      }
    }
    return false;
  }
  // Not a type: needs a __bases__ tuple (abstract classes).
  const bases = getAttrOrNull(heap, cls, '__bases__');
  if (bases === 0 || heap.kind[bases] !== Kind.TUPLE) {
    heap.xdecref(bases);
    throw typeError(
      heap,
      is27(heap) ? 'isinstance() arg 2 must be a class, type, or tuple of classes and types' : 'isinstance() arg 2 must be a type, a tuple of types, or a union',
    );
  }
  heap.decref(bases);
  const icls = getAttrOrNull(heap, inst, '__class__');
  if (icls === 0) return false;
  try {
    return abstractIsSubclass(heap, icls, cls);
  } finally {
    heap.decref(icls);
  }
}

function abstractIsSubclass(heap: Heap, derived: Ref, cls: Ref): boolean {
  for (let d = derived, depth = 0; depth < 1000; depth++) {
    if (d === cls) return true;
    const bases = getAttrOrNull(heap, d, '__bases__');
    if (bases === 0) return false;
    try {
      if (heap.kind[bases] !== Kind.TUPLE) return false;
      const items = heap.payload[bases] as Ref[];
      if (items.length === 0) return false;
      if (items.length === 1) {
        d = items[0]!;
        continue;
      }
      return items.some((b) => abstractIsSubclass(heap, b, cls));
    } finally {
      heap.decref(bases);
    }
  }
  return false;
}

/**
 * `isinstance(inst, cls)` with tuples and `__instancecheck__`.
 *
 * @example
 * ```ts
 * isInstanceOf(heap, newInt(heap, 1), heap.t.int); // true
 * ```
 */
export function isInstanceOf(heap: Heap, inst: Ref, cls: Ref): boolean {
  if (heap.typ[inst] === cls) return true;
  if (heap.typ[cls] === heap.t.type) return recursiveIsInstance(heap, inst, cls);
  if (heap.kind[cls] === Kind.TUPLE) {
    for (const c of heap.payload[cls] as Ref[]) if (isInstanceOf(heap, inst, c)) return true;
    return false;
  }
  if (heap.kind[cls] === Kind.TYPE && isHeapType(heap, heap.typ[cls]!)) {
    const r = callSpecialOrNull(heap, cls, '__instancecheck__', [inst]);
    if (r !== 0) {
      try {
        return isTrue(heap, r);
      } finally {
        heap.decref(r);
      }
    }
  }
  return recursiveIsInstance(heap, inst, cls);
}

function checkClass(heap: Heap, cls: Ref, msg: string): void {
  const k = heap.kind[cls];
  if (k === Kind.TYPE || k === Kind.CLASSIC_CLASS) return;
  const bases = getAttrOrNull(heap, cls, '__bases__');
  const ok = bases !== 0 && heap.kind[bases] === Kind.TUPLE;
  heap.xdecref(bases);
  if (!ok) throw typeError(heap, msg);
}

function recursiveIsSubclass(heap: Heap, derived: Ref, cls: Ref): boolean {
  if (heap.kind[cls] === Kind.TYPE && heap.kind[derived] === Kind.TYPE) return isSubtype(heap, derived, cls);
  if (heap.kind[cls] === Kind.CLASSIC_CLASS && heap.kind[derived] === Kind.CLASSIC_CLASS) return classicIsSubclass(heap, derived, cls);
  checkClass(heap, derived, 'issubclass() arg 1 must be a class');
  checkClass(
    heap,
    cls,
    is27(heap) ? 'issubclass() arg 2 must be a class or tuple of classes' : 'issubclass() arg 2 must be a class, a tuple of classes, or a union',
  );
  return abstractIsSubclass(heap, derived, cls);
}

/**
 * `issubclass(derived, cls)` with tuples and `__subclasscheck__`.
 *
 * @example
 * ```ts
 * isSubclassOf(heap, heap.t.bool, heap.t.int); // true
 * ```
 */
export function isSubclassOf(heap: Heap, derived: Ref, cls: Ref): boolean {
  if (heap.typ[cls] === heap.t.type && heap.kind[derived] === Kind.TYPE) return isSubtype(heap, derived, cls);
  if (heap.kind[cls] === Kind.TUPLE) {
    for (const c of heap.payload[cls] as Ref[]) if (isSubclassOf(heap, derived, c)) return true;
    return false;
  }
  if (heap.kind[cls] === Kind.TYPE && isHeapType(heap, heap.typ[cls]!)) {
    const r = callSpecialOrNull(heap, cls, '__subclasscheck__', [derived]);
    if (r !== 0) {
      try {
        return isTrue(heap, r);
      } finally {
        heap.decref(r);
      }
    }
  }
  return recursiveIsSubclass(heap, derived, cls);
}

// ============================================================================================
// type(name, bases, ns)
// ============================================================================================

/**
 * The most derived metaclass of `meta` and the bases' metaclasses (`_PyType_CalculateMetaclass`).
 *
 * @example
 * ```ts
 * calculateMetaclass(heap, heap.t.type, [heap.t.object]) === heap.t.type; // true
 * ```
 */
export function calculateMetaclass(heap: Heap, meta: Ref, bases: readonly Ref[]): Ref {
  let winner = meta;
  for (const b of bases) {
    if (heap.kind[b] === Kind.CLASSIC_CLASS) continue;
    const tmp = heap.typ[b]!;
    if (isSubtype(heap, winner, tmp)) continue;
    if (isSubtype(heap, tmp, winner)) {
      winner = tmp;
      continue;
    }
    throw typeError(heap, 'metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases');
  }
  return winner;
}

let typeNewBuiltin: Ref = 0;

/**
 * `type.__new__(meta, name, bases, ns, **kwargs)`: create a class as CPython's `type_new`:
 * metaclass calculation, `__module__` from the caller's globals, `__qualname__` checks, the
 * `__classcell__`, then (3.12) `__set_name__` on the attributes and the parent's
 * `__init_subclass__`. Returns a new reference.
 *
 * @example
 * ```ts
 * const ns = newDict(heap);
 * const A = typeNew(heap, heap.t.type, 'A', heap.emptyTuple, ns);
 * ```
 */
export function typeNew(heap: Heap, meta: Ref, name: string, bases: Ref, ns: Ref, kwnames: readonly string[] = [], kwvalues: readonly Ref[] = []): Ref {
  const baseList = heap.payload[bases] as Ref[];
  for (const b of baseList) {
    if (heap.kind[b] !== Kind.TYPE && heap.kind[b] !== Kind.CLASSIC_CLASS) {
      throw typeError(heap, 'metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases');
    }
  }
  const winner = calculateMetaclass(heap, meta, baseList);
  if (winner !== meta) {
    const wnew = typeLookup(heap, winner, '__new__');
    if (wnew !== typeNewBuiltin && wnew !== 0) {
      const nameStr = newStr(heap, name);
      try {
        const fn = heap.kind[wnew] === Kind.STATICMETHOD ? (heap.payload[wnew] as Ref[])[0]! : wnew;
        return call(heap, fn, [winner, nameStr, bases, ns, ...kwvalues], kwnames.length > 0 ? kwnames : null);
      } finally {
        heap.decref(nameStr);
      }
    }
    meta = winner;
  }
  let nsUse = ns;
  let copied = false;
  let module: Ref | undefined;
  if (dictGetStr(heap, ns, '__module__') === 0) {
    const g = libState(heap).hooks.globals();
    const modName = g !== 0 && heap.kind[g] === Kind.DICT ? dictGetStr(heap, g, '__name__') : 0;
    // 3.12 stores it in the class's own copy of the namespace; the 2.7 profile copies it first.
    if (modName !== 0 && heap.profile.classCreation?.moduleInClassDict === true) module = modName;
    else if (modName !== 0) {
      nsUse = newDict(heap);
      copied = true;
      const entries = dictEntries(heap, ns);
      for (let i = 0; i < entries.length; i += 2) dictSetItemAny(heap, nsUse, entries[i]!, entries[i + 1]!);
      dictSetStr(heap, nsUse, '__module__', modName);
    }
  }
  let cls: Ref;
  try {
    const qn = dictGetStr(heap, nsUse, '__qualname__');
    if (qn !== 0 && heap.kind[qn] !== Kind.STR) throw typeError(heap, `type __qualname__ must be a str, not ${tpName(heap, qn)}`);
    const usable = baseList.filter((b) => heap.kind[b] === Kind.TYPE);
    cls = newClass(heap, { name, bases: usable, namespace: nsUse, metatype: meta, basesTuple: bases, module });
  } finally {
    if (copied) heap.decref(nsUse);
  }
  try {
    const td = tdOf(heap, cls);
    const cell = dictGetStr(heap, td.dict, '__classcell__');
    if (cell !== 0) {
      if (heap.kind[cell] === Kind.CELL) cellSet(heap, cell, cls);
      dictDelStr(heap, td.dict, '__classcell__');
    }
    if (!is27(heap)) {
      setNames(heap, cls);
      initSubclass(heap, cls, kwnames, kwvalues);
    }
  } catch (e) {
    heap.decref(cls);
    throw e;
  }
  return cls;
}

function dictSetItemAny(heap: Heap, d: Ref, k: Ref, v: Ref): void {
  if (heap.kind[k] === Kind.STR) dictSetStr(heap, d, heap.payload[k] as string, v);
}

/** 3.6+: call `value.__set_name__(cls, name)` for each attribute whose type defines it. */
function setNames(heap: Heap, cls: Ref): void {
  const td = tdOf(heap, cls);
  const entries = dictEntries(heap, td.dict).slice();
  // 3.12 walks a copy of the class dict (PyDict_Copy), released when the walk ends.
  const copies = heap.profile.classCreation?.setNamesCopiesDict === true;
  if (copies) heap.countHiddenAlloc(Kind.DICT, heap.t.dict);
  for (const x of entries) heap.incref(x);
  try {
    for (let i = 0; i < entries.length; i += 2) {
      const k = entries[i]!;
      const v = entries[i + 1]!;
      const f = typeLookup(heap, heap.typ[v]!, '__set_name__');
      if (f === 0) continue;
      heap.incref(f);
      try {
        heap.decref(callWithSelf(heap, f, v, [cls, k], null));
      } finally {
        heap.decref(f);
      }
    }
  } finally {
    for (const x of entries) heap.decref(x);
    if (copies) heap.countHiddenFree(Kind.DICT, heap.t.dict);
  }
}

/** 3.6+: `super(cls, cls).__init_subclass__(**kwargs)`. */
function initSubclass(heap: Heap, cls: Ref, kwnames: readonly string[], kwvalues: readonly Ref[]): void {
  const mro = heap.payload[tdOf(heap, cls).mro] as Ref[];
  // 3.12 finds the method through a `super(cls, cls)` object, released once it is bound.
  const viaSuper = heap.profile.classCreation?.initSubclassThroughSuper === true;
  if (viaSuper) heap.countHiddenAlloc(Kind.SUPER, heap.t.super);
  for (let i = 1; i < mro.length; i++) {
    const f = dictGetStr(heap, tdOf(heap, mro[i]!).dict, '__init_subclass__');
    if (f === 0) continue;
    const get = tdOf(heap, heap.typ[f]!).slots.descrGet;
    let bound: Ref;
    try {
      bound = get !== undefined ? get(heap, f, 0, cls) : newRef(heap, f);
    } finally {
      if (viaSuper) heap.countHiddenFree(Kind.SUPER, heap.t.super);
    }
    try {
      heap.decref(call(heap, bound, kwvalues, kwnames.length > 0 ? kwnames : null));
    } finally {
      heap.decref(bound);
    }
    return;
  }
  if (viaSuper) heap.countHiddenFree(Kind.SUPER, heap.t.super);
}

// ============================================================================================
// super
// ============================================================================================

/** `super(type, obj)` validation: the type to start the MRO search from. */
function superCheck(heap: Heap, type: Ref, obj: Ref): Ref {
  if (heap.kind[obj] === Kind.TYPE && isSubtype(heap, obj, type)) return obj;
  if (isSubtype(heap, heap.typ[obj]!, type)) return heap.typ[obj]!;
  const cls = getAttrOrNull(heap, obj, '__class__');
  if (cls !== 0) {
    heap.decref(cls);
    if (heap.kind[cls] === Kind.TYPE && cls !== heap.typ[obj] && isSubtype(heap, cls, type)) return cls;
  }
  throw typeError(heap, 'super(type, obj): obj must be an instance or subtype of type');
}

function superInit(heap: Heap, su: Ref, args: readonly Ref[], kwnames: readonly string[] | null): void {
  if (kwnames !== null && kwnames.length > 0) throw typeError(heap, 'super() takes no keyword arguments');
  let type: Ref;
  let obj: Ref = 0;
  if (args.length === 0) {
    if (is27(heap)) throw typeError(heap, 'super() takes at least 1 argument (0 given)');
    const sa = libState(heap).hooks.superArgs();
    if (sa === null) throw pyErr(heap, heap.t.RuntimeError, 'super(): no arguments');
    [type, obj] = sa;
  } else {
    if (args.length > 2) throw typeError(heap, is27(heap) ? `super() takes at most 2 arguments (${args.length} given)` : `super() takes at most 2 arguments (${args.length} given)`);
    type = args[0]!;
    obj = args.length > 1 ? args[1]! : 0;
    if (obj === heap.None) obj = 0;
  }
  if (heap.kind[type] !== Kind.TYPE) {
    throw typeError(heap, is27(heap) ? `super() argument 1 must be type, not ${tpName(heap, type)}` : `super() argument 1 must be a type, not ${tpName(heap, type)}`);
  }
  const objType = obj !== 0 ? superCheck(heap, type, obj) : 0;
  const p = heap.payload[su] as Ref[];
  const old = p.slice();
  heap.incref(type);
  heap.xincref(obj);
  heap.xincref(objType);
  p[0] = type;
  p[1] = obj;
  p[2] = objType;
  for (const x of old) heap.xdecref(x);
}

function superGetattroOrNull(heap: Heap, su: Ref, name: string): Ref {
  const [type, obj, start] = heap.payload[su] as Ref[];
  if (start !== 0 && name !== '__class__') {
    const mro = heap.payload[tdOf(heap, start!).mro] as Ref[];
    let i = mro.indexOf(type!);
    if (i >= 0) {
      for (i++; i < mro.length; i++) {
        const d = tdOf(heap, mro[i]!).dict;
        const res = d === 0 ? 0 : dictGetStr(heap, d, name);
        if (res === 0) continue;
        const get = tdOf(heap, heap.typ[res]!).slots.descrGet;
        if (get === undefined) return newRef(heap, res);
        heap.incref(res);
        try {
          return get(heap, res, obj === start ? 0 : obj!, start!);
        } finally {
          heap.decref(res);
        }
      }
    }
  }
  return genericGetAttr(heap, su, name);
}

function superRepr(heap: Heap, su: Ref): string {
  const [type, obj, start] = heap.payload[su] as Ref[];
  const tn = type === 0 ? 'NULL' : `<class '${tdOf(heap, type!).tpName}'>`;
  if (start !== 0 && obj !== 0) return `<super: ${tn}, <${tdOf(heap, start!).tpName} object>>`;
  return `<super: ${tn}, NULL>`;
}

// ============================================================================================
// property
// ============================================================================================

/** property payload: [fget, fset, fdel, doc] (0 = None). */
const propNames = new WeakMap<object, Ref>();
const docFromGetter = new WeakSet<object>();

function propErr(heap: Heap, prop: Ref, obj: Ref, what: 'getter' | 'setter' | 'deleter'): Error {
  if (is27(heap)) {
    return pyErr(heap, heap.t.AttributeError, what === 'getter' ? 'unreadable attribute' : what === 'setter' ? "can't set attribute" : "can't delete attribute");
  }
  const qual = tdOf(heap, heap.typ[obj]!).qualname;
  const nm = propNames.get(heap.payload[prop] as object);
  if (nm !== undefined && heap.isLive(nm)) {
    return pyErr(heap, heap.t.AttributeError, `property ${reprOf(heap, nm)} of ${strRepr(qual, 'str3')} object has no ${what}`);
  }
  return pyErr(heap, heap.t.AttributeError, `property of ${strRepr(qual, 'str3')} object has no ${what}`);
}

function propertyInit(heap: Heap, prop: Ref, args: readonly Ref[], kwnames: readonly string[] | null): void {
  const [fget, fset, fdel, doc] = parseArgs(heap, args, kwnames, { fname: 'property', names: ['fget', 'fset', 'fdel', 'doc'], required: 0, legacy: true });
  const p = heap.payload[prop] as Ref[];
  const old = p.slice();
  const norm = (r: Ref | undefined) => (r === undefined || r === 0 || r === heap.None ? 0 : r);
  const vals = [norm(fget), norm(fset), norm(fdel), norm(doc)];
  docFromGetter.delete(p);
  if (vals[3] === 0 && vals[0] !== 0) {
    const d = getAttrOrNull(heap, vals[0]!, '__doc__');
    if (d !== 0) {
      if (d !== heap.None) {
        vals[3] = d;
        docFromGetter.add(p);
      }
      heap.decref(d);
    }
  }
  for (let i = 0; i < 4; i++) {
    heap.xincref(vals[i]!);
    p[i] = vals[i]!;
  }
  for (const x of old) heap.xdecref(x);
}

function propertyCopy(heap: Heap, prop: Ref, which: 0 | 1 | 2, f: Ref): Ref {
  const p = heap.payload[prop] as Ref[];
  const vals = p.slice(0, 4).map((x) => (x === 0 ? heap.None : x));
  vals[which] = f;
  if (docFromGetter.has(p) && which === 0) vals[3] = heap.None;
  const r = call(heap, heap.typ[prop]!, vals, null);
  const nm = propNames.get(p);
  if (nm !== undefined && heap.kind[r] === Kind.PROPERTY) {
    heap.incref(nm);
    propNames.set(heap.payload[r] as object, nm);
  }
  return r;
}

// ============================================================================================
// Installation
// ============================================================================================

/**
 * Install object, type, super, property, staticmethod and classmethod behaviour.
 *
 * @example
 * ```ts
 * installObjectTypes(heap); // (installBuiltinTypes does this)
 * ```
 */
export function installObjectTypes(heap: Heap): void {
  const t = heap.t;
  const v27 = is27(heap);

  // ---- object -------------------------------------------------------------------------------
  const O = t.object;
  method(heap, O, '__getattribute__', (h, self, args, kw) => {
    checkArity(h, '__getattribute__', args, kw, 1, 1, 'one');
    const name = attrName(h, args[0]!);
    const r = genericGetAttr(h, self, name);
    if (r === 0) throw attributeError(h, self, name);
    return r;
  });
  method(heap, O, '__setattr__', (h, self, args, kw) => {
    checkArity(h, '__setattr__', args, kw, 2, 2, 'unpack');
    genericSetAttr(h, self, attrName(h, args[0]!), args[1]!);
    return none(h);
  });
  method(heap, O, '__delattr__', (h, self, args, kw) => {
    checkArity(h, '__delattr__', args, kw, 1, 1, 'one');
    genericSetAttr(h, self, attrName(h, args[0]!), 0);
    return none(h);
  });
  method(heap, O, '__repr__', (h, self, args, kw) => {
    checkArity(h, '__repr__', args, kw, 0, 0, 'none');
    return newStr(h, objectRepr(h, self));
  });
  method(heap, O, '__str__', (h, self, args, kw) => {
    checkArity(h, '__str__', args, kw, 0, 0, 'none');
    return newStr(h, reprOf(h, self));
  });
  method(heap, O, '__hash__', (h, self, args, kw) => {
    checkArity(h, '__hash__', args, kw, 0, 0, 'none');
    return addressHash(h, self);
  });
  method(heap, O, '__sizeof__', (h, self, args, kw) => {
    checkArity(h, '__sizeof__', args, kw, 0, 0, 'none');
    return newInt(h, 16);
  });
  method(heap, O, '__subclasshook__', (h) => notImpl(h), { binding: 'class' });
  if (!v27) {
    method(heap, O, '__init_subclass__', (h, _cls, args, kw) => {
      if (kw !== null && kw.length > 0) throw typeError(h, `${tdOf(h, _cls).qualname}.__init_subclass__() takes no keyword arguments`);
      if (args.length > 0) throw typeError(h, `${tdOf(h, _cls).qualname}.__init_subclass__() takes no arguments (${args.length} given)`);
      return none(h);
    }, { binding: 'class' });
    const rich = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];
    rich.forEach((name, op) => {
      method(heap, O, name, (h, self, args, kw) => {
        checkArity(h, name, args, kw, 1, 1, 'one');
        const other = args[0]!;
        if (op === CompareOp.EQ) return self === other ? pyBool(h, true) : notImpl(h);
        if (op === CompareOp.NE) {
          const slot = tdOf(h, h.typ[self]!).slots.richcompare;
          let res: Ref;
          if (slot !== undefined) res = slot(h, self, other, CompareOp.EQ);
          else res = self === other ? pyBool(h, true) : notImpl(h);
          if (res === h.NotImplemented) return res;
          try {
            return pyBool(h, !isTrue(h, res));
          } finally {
            h.decref(res);
          }
        }
        return notImpl(h);
      });
    });
  }
  method(heap, O, '__format__', (h, self, args, kw) => {
    checkArity(h, '__format__', args, kw, 1, 1, 'one');
    const spec = args[0]!;
    if (h.kind[spec] !== Kind.STR) throw typeError(h, v27 ? 'argument to __format__ must be unicode or str' : `__format__() argument must be str, not ${tpName(h, spec)}`);
    if ((h.payload[spec] as string).length > 0) {
      if (!v27) throw typeError(h, `unsupported format string passed to ${tdOf(h, h.typ[self]!).name}.__format__`);
      const s = newStr(h, strOf(h, self));
      try {
        return formatHook(h, s, spec);
      } finally {
        h.decref(s);
      }
    }
    return newStr(h, strOf(h, self));
  });
  if (!v27) {
    method(heap, O, '__dir__', (h, self, args, kw) => {
      checkArity(h, '__dir__', args, kw, 0, 0, 'none');
      return defaultDir(h, self);
    });
  }
  method(heap, O, '__reduce_ex__', (h) => {
    throw typeError(h, 'pickling is not supported by HeapLab');
  });
  method(heap, O, '__reduce__', (h) => {
    throw typeError(h, 'pickling is not supported by HeapLab');
  });
  if (!v27) {
    method(heap, O, '__getstate__', (h, self) => {
      const d = genericGetAttr(h, self, '__dict__');
      return d === 0 ? none(h) : d;
    });
  }
  dictSetStr(heap, tdOf(heap, O).dict, '__doc__', newStrOnce(heap, v27 ? 'The most base type' : 'The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n'));
  getset(
    heap,
    O,
    '__class__',
    (h, obj) => newRef(h, h.typ[obj]!),
    (h, obj, value) => setClass(h, obj, value),
  );

  // ---- type ---------------------------------------------------------------------------------
  const T = t.type;
  getset(
    heap,
    T,
    '__name__',
    (h, ty) => newStr(h, tdOf(h, ty).name),
    (h, ty, v) => {
      const td = tdOf(h, ty);
      if ((td.tflags & TypeFlag.HEAPTYPE) === 0) throw immutableTypeError(h, ty, '__name__');
      if (v === 0) throw typeError(h, v27 ? `can't delete ${td.name}.__name__` : `cannot delete '__name__' attribute of immutable type '${td.name}'`);
      if (h.kind[v] !== Kind.STR) throw typeError(h, `can only assign string to ${td.name}.__name__, not '${tpName(h, v)}'`);
      td.name = h.payload[v] as string;
      td.tpName = td.name;
      h.typeEpoch++;
    },
  );
  if (!v27) {
    getset(
      heap,
      T,
      '__qualname__',
      (h, ty) => newStr(h, tdOf(h, ty).qualname),
      (h, ty, v) => {
        const td = tdOf(h, ty);
        if ((td.tflags & TypeFlag.HEAPTYPE) === 0) throw immutableTypeError(h, ty, '__qualname__');
        if (v === 0 || h.kind[v] !== Kind.STR) throw typeError(h, `can only assign string to ${td.name}.__qualname__, not '${v === 0 ? 'NoneType' : tpName(h, v)}'`);
        td.qualname = h.payload[v] as string;
      },
    );
  }
  getset(
    heap,
    T,
    '__module__',
    (h, ty) => {
      const td = tdOf(h, ty);
      if ((td.tflags & TypeFlag.HEAPTYPE) !== 0) {
        const m = dictGetStr(h, td.dict, '__module__');
        if (m === 0) throw pyErr(h, h.t.AttributeError, '__module__');
        return newRef(h, m);
      }
      return newStr(h, typeModule(h, ty));
    },
    (h, ty, v) => {
      const td = tdOf(h, ty);
      if ((td.tflags & TypeFlag.HEAPTYPE) === 0) throw immutableTypeError(h, ty, '__module__');
      h.typeEpoch++;
      if (v === 0) dictDelStr(h, td.dict, '__module__');
      else dictSetStr(h, td.dict, '__module__', v);
    },
  );
  getset(heap, T, '__bases__', (h, ty) => newRef(h, tdOf(h, ty).bases), (h, ty) => {
    throw typeError(h, `__bases__ assignment is not supported by HeapLab (class ${tdOf(h, ty).name})`);
  });
  getset(heap, T, '__base__', (h, ty) => newRef(h, tdOf(h, ty).base || h.None));
  getset(heap, T, '__mro__', (h, ty) => newRef(h, tdOf(h, ty).mro || h.None));
  getset(heap, T, '__dict__', (h, ty) => newMappingProxy(h, tdOf(h, ty).dict));
  getset(
    heap,
    T,
    '__doc__',
    (h, ty) => {
      const d = dictGetStr(h, tdOf(h, ty).dict, '__doc__');
      if (d === 0) return none(h);
      const get = tdOf(h, h.typ[d]!).slots.descrGet;
      if (get !== undefined && (tdOf(h, ty).tflags & TypeFlag.HEAPTYPE) !== 0) return get(h, d, 0, ty);
      return newRef(h, d);
    },
    (h, ty, v) => {
      const td = tdOf(h, ty);
      if ((td.tflags & TypeFlag.HEAPTYPE) === 0) throw immutableTypeError(h, ty, '__doc__');
      h.typeEpoch++;
      dictSetStr(h, td.dict, '__doc__', v === 0 ? h.None : v);
    },
  );
  method(heap, T, 'mro', (h, self, args, kw) => {
    checkArity(h, 'mro', args, kw, 0, 0, 'none');
    const td = tdOf(h, self);
    return newList(h, td.mro === 0 ? [self] : (h.payload[td.mro] as Ref[]));
  });
  method(heap, T, '__subclasses__', (h, self, args, kw) => {
    checkArity(h, '__subclasses__', args, kw, 0, 0, 'none');
    return newList(h, liveSubclasses(h, self));
  });
  method(heap, T, '__instancecheck__', (h, self, args, kw) => {
    checkArity(h, '__instancecheck__', args, kw, 1, 1, 'one');
    return pyBool(h, recursiveIsInstance(h, args[0]!, self));
  });
  method(heap, T, '__subclasscheck__', (h, self, args, kw) => {
    checkArity(h, '__subclasscheck__', args, kw, 1, 1, 'one');
    return pyBool(h, recursiveIsSubclass(h, args[0]!, self));
  });
  method(heap, T, '__call__', (h, self, args, kw) => typeCall(h, self, args, kw));
  method(heap, T, '__repr__', (h, self, args, kw) => {
    checkArity(h, '__repr__', args, kw, 0, 0, 'none');
    return newStr(h, builtinRepr(h, self));
  });
  method(heap, T, '__getattribute__', (h, self, args, kw) => {
    checkArity(h, '__getattribute__', args, kw, 1, 1, 'one');
    const name = attrName(h, args[0]!);
    const r = genericGetAttr(h, self, name);
    if (r === 0) throw attributeError(h, self, name);
    return r;
  });
  method(heap, T, '__setattr__', (h, self, args, kw) => {
    checkArity(h, '__setattr__', args, kw, 2, 2, 'unpack');
    tdOf(h, h.t.type).slots.setattro!(h, self, attrName(h, args[0]!), args[1]!);
    return none(h);
  });
  method(heap, T, '__delattr__', (h, self, args, kw) => {
    checkArity(h, '__delattr__', args, kw, 1, 1, 'one');
    tdOf(h, h.t.type).slots.setattro!(h, self, attrName(h, args[0]!), 0);
    return none(h);
  });
  method(heap, T, '__dir__', (h, self, args, kw) => {
    checkArity(h, '__dir__', args, kw, 0, 0, 'none');
    return typeDir(h, self);
  });
  if (!v27) {
    method(heap, T, '__prepare__', (h) => newDict(h), { binding: 'class' });
  }
  defineNew(heap, T, (h, meta, args, kw) => {
    const npos = args.length - (kw?.length ?? 0);
    if (meta === h.t.type && npos === 1 && (kw === null || kw.length === 0)) return newRef(h, h.typ[args[0]!]!);
    if (npos !== 3) {
      if (v27 || npos === 1 || npos === 0 || npos === 2) {
        if (!v27 && meta === h.t.type) throw typeError(h, 'type() takes 1 or 3 arguments');
        if (!v27) throw typeError(h, `type.__new__() takes exactly 3 arguments (${npos} given)`);
        throw typeError(h, 'type() takes 1 or 3 arguments');
      }
      throw typeError(h, `type.__new__() takes exactly 3 arguments (${npos} given)`);
    }
    const [nameR, bases, ns] = args as Ref[];
    if (h.kind[nameR!] !== Kind.STR) throw typeError(h, v27 ? `type() argument 1 must be string, not ${tpName(h, nameR!)}` : `type.__new__() argument 1 must be str, not ${tpName(h, nameR!)}`);
    if (h.kind[bases!] !== Kind.TUPLE) throw typeError(h, v27 ? `type() argument 2 must be tuple, not ${tpName(h, bases!)}` : `type.__new__() argument 2 must be tuple, not ${tpName(h, bases!)}`);
    if (h.kind[ns!] !== Kind.DICT) throw typeError(h, v27 ? `type() argument 3 must be dict, not ${tpName(h, ns!)}` : `type.__new__() argument 3 must be dict, not ${tpName(h, ns!)}`);
    const kwn = kw ?? [];
    return typeNew(h, meta, h.payload[nameR!] as string, bases!, ns!, kwn, args.slice(npos));
  });
  typeNewBuiltin = dictGetStr(heap, tdOf(heap, T).dict, '__new__');
  method(heap, T, '__init__', (h, _self, args, kw) => {
    const npos = args.length - (kw?.length ?? 0);
    if (npos !== 1 && npos !== 3) throw typeError(h, v27 ? 'type.__init__() takes 1 or 3 arguments' : 'type.__init__() takes 1 or 3 arguments');
    return none(h);
  });

  // ---- super --------------------------------------------------------------------------------
  const S = t.super;
  defineNew(heap, S, (h, cls) => allocOf(h, cls, Kind.SUPER, [0, 0, 0]));
  method(heap, S, '__init__', (h, self, args, kw) => {
    superInit(h, self, args, kw);
    return none(h);
  });
  setSlot(heap, S, 'getattroOrNull', superGetattroOrNull);
  setSlot(heap, S, 'getattro', (h, su, name) => {
    const r = superGetattroOrNull(h, su, name);
    if (r === 0) throw attributeError(h, su, name);
    return r;
  });
  setSlot(heap, S, 'repr', superRepr);
  getset(heap, S, '__thisclass__', (h, su) => newRef(h, (h.payload[su] as Ref[])[0] || h.None));
  getset(heap, S, '__self__', (h, su) => newRef(h, (h.payload[su] as Ref[])[1] || h.None));
  getset(heap, S, '__self_class__', (h, su) => newRef(h, (h.payload[su] as Ref[])[2] || h.None));
  setSlot(heap, S, 'descrGet', (h, su, obj) => {
    const [type, sobj] = h.payload[su] as Ref[];
    if (obj === 0 || obj === h.None || sobj !== 0) return newRef(h, su);
    return call(h, h.typ[su]!, [type!, obj]);
  });

  // ---- property -----------------------------------------------------------------------------
  const P = t.property;
  defineNew(heap, P, (h, cls) => allocOf(h, cls, Kind.PROPERTY, [0, 0, 0, 0]));
  method(heap, P, '__init__', (h, self, args, kw) => {
    propertyInit(h, self, args, kw);
    return none(h);
  });
  setSlot(heap, P, 'descrGet', (h, prop, obj) => {
    if (obj === 0 || obj === h.None) return newRef(h, prop);
    const fget = (h.payload[prop] as Ref[])[0]!;
    if (fget === 0) throw propErr(h, prop, obj, 'getter');
    return call(h, fget, [obj]);
  });
  setSlot(heap, P, 'descrSet', (h, prop, obj, value) => {
    const p = h.payload[prop] as Ref[];
    const f = value === 0 ? p[2]! : p[1]!;
    if (f === 0) throw propErr(h, prop, obj, value === 0 ? 'deleter' : 'setter');
    h.decref(value === 0 ? call(h, f, [obj]) : call(h, f, [obj, value]));
  });
  (['fget', 'fset', 'fdel'] as const).forEach((name, i) => {
    getset(heap, P, name, (h, prop) => newRef(h, (h.payload[prop] as Ref[])[i] || h.None));
  });
  getset(
    heap,
    P,
    '__doc__',
    (h, prop) => newRef(h, (h.payload[prop] as Ref[])[3] || h.None),
    (h, prop, v) => {
      const p = h.payload[prop] as Ref[];
      const old = p[3]!;
      h.xincref(v === h.None ? 0 : v);
      p[3] = v === h.None ? 0 : v;
      docFromGetter.delete(p);
      h.xdecref(old);
    },
  );
  (['getter', 'setter', 'deleter'] as const).forEach((name, i) => {
    method(heap, P, name, (h, self, args, kw) => {
      checkArity(h, methNameFor(h, 'property', name), args, kw, 1, 1, 'one');
      return propertyCopy(h, self, i as 0 | 1 | 2, args[0]!);
    });
  });
  method(heap, P, '__get__', (h, self, args, kw) => {
    checkArity(h, '__get__', args, kw, 1, 2, 'unpack');
    const obj = args[0] === h.None ? 0 : args[0]!;
    return tdOf(h, h.t.property).slots.descrGet!(h, self, obj, args[1] ?? 0);
  });
  method(heap, P, '__set__', (h, self, args, kw) => {
    checkArity(h, '__set__', args, kw, 2, 2, 'unpack');
    tdOf(h, h.t.property).slots.descrSet!(h, self, args[0]!, args[1]!);
    return none(h);
  });
  method(heap, P, '__delete__', (h, self, args, kw) => {
    checkArity(h, '__delete__', args, kw, 1, 1, 'one');
    tdOf(h, h.t.property).slots.descrSet!(h, self, args[0]!, 0);
    return none(h);
  });
  if (!v27) {
    method(heap, P, '__set_name__', (h, self, args, kw) => {
      checkArity(h, '__set_name__', args, kw, 2, 2, 'unpack');
      const p = h.payload[self] as object;
      const old = propNames.get(p);
      h.incref(args[1]!);
      propNames.set(p, args[1]!);
      if (old !== undefined) h.decref(old);
      return none(h);
    });
  }

  // ---- staticmethod / classmethod -------------------------------------------------------------
  for (const [type, kind, label] of [
    [t.staticmethod, Kind.STATICMETHOD, 'staticmethod'],
    [t.classmethod, Kind.CLASSMETHOD, 'classmethod'],
  ] as const) {
    // 3.12: payload [callable, cm_dict]; the type has a __dict__ (tp_dictoffset), inherited by subclasses.
    if (!v27) (heap.payload[type] as TypeData).tflags |= TypeFlag.HAS_DICT;
    defineNew(heap, type, (h, cls) => allocOf(h, cls, kind, v27 ? [0] : [0, 0]));
    method(heap, type, '__init__', (h, self, args, kw) => {
      checkArity(h, label, args, kw, 1, 1, 'unpack');
      const p = h.payload[self] as Ref[];
      const old = p[0]!;
      h.incref(args[0]!);
      p[0] = args[0]!;
      h.xdecref(old);
      // 3.12 sm_init/cm_init end with functools_wraps(): copy these attributes of the callable
      // that exist (AttributeError is skipped) into the wrapper with setattr.
      if (!v27) {
        for (const attr of ['__module__', '__name__', '__qualname__', '__doc__', '__annotations__']) {
          const v = getAttrOrNull(h, p[0]!, attr);
          if (v === 0) continue;
          try {
            setAttr(h, self, attr, v);
          } finally {
            h.decref(v);
          }
        }
      }
      return none(h);
    });
    getset(heap, type, '__func__', (h, sm) => newRef(h, (h.payload[sm] as Ref[])[0] || h.None));
    getset(heap, type, '__isabstractmethod__', (h, sm) => {
      const f = (h.payload[sm] as Ref[])[0]!;
      const r = f === 0 ? 0 : getAttrOrNull(h, f, '__isabstractmethod__');
      if (r === 0) return pyBool(h, false);
      try {
        return pyBool(h, isTrue(h, r));
      } finally {
        h.decref(r);
      }
    });
    method(heap, type, '__get__', (h, self, args, kw) => {
      checkArity(h, '__get__', args, kw, 1, 2, 'unpack');
      const obj = args[0] === h.None ? 0 : args[0]!;
      const ty = args.length > 1 && args[1] !== h.None ? args[1]! : 0;
      return tdOf(h, h.typ[self]!).slots.descrGet!(h, self, obj, ty);
    });
    if (!v27) {
      setSlot(heap, type, 'repr', (h, sm) => `<${label}(${reprOf(h, (h.payload[sm] as Ref[])[0] || h.None)})>`);
      getset(heap, type, '__wrapped__', (h, sm) => newRef(h, (h.payload[sm] as Ref[])[0] || h.None));
      // PyObject_GenericGetDict / PyObject_GenericSetDict on cm_dict.
      getset(
        heap,
        type,
        '__dict__',
        (h, sm) => newRef(h, objectDict(h, sm, true)),
        (h, sm, value) => {
          if (value === 0) throw h.newException(h.t.TypeError, 'cannot delete __dict__');
          if (h.kind[value] !== Kind.DICT) throw h.newException(h.t.TypeError, `__dict__ must be set to a dictionary, not a '${h.typeName(value)}'`);
          const p = h.payload[sm] as Ref[];
          const old = p[1] ?? 0;
          h.incref(value);
          p[1] = value;
          h.xdecref(old);
        },
      );
    }
  }
  if (!v27) {
    setSlot(heap, t.staticmethod, 'call', (h, sm, args, kw) => call(h, (h.payload[sm] as Ref[])[0]!, args, kw));
  }
  // classmethod binding (2.7 im_class is the metaclass).
  setSlot(heap, t.classmethod, 'descrGet', (h, cm, obj, type) => {
    const target = type !== 0 ? type : h.typ[obj]!;
    const f = (h.payload[cm] as Ref[])[0]!;
    if (!v27) {
      const get = tdOf(h, h.typ[f]!).slots.descrGet;
      if (get !== undefined && h.kind[f] !== Kind.FUNCTION && h.kind[f] !== Kind.BUILTIN) return get(h, f, target, h.typ[target]!);
    }
    return newBoundMethod(h, f, target, h.typ[target]!);
  });
  void richCompare;
  void materializeDict;
  void objectDict;
}

/**
 * `dir()` of an ordinary object: its `__dict__` keys and its class's attributes (unsorted list).
 *
 * @example
 * ```ts
 * reprOf(heap, defaultDir(heap, instance)); // unsorted attribute names
 * ```
 */
export function defaultDir(heap: Heap, obj: Ref): Ref {
  const names = new Set<string>();
  const d = getAttrOrNull(heap, obj, '__dict__');
  if (d !== 0) {
    try {
      if (heap.kind[d] === Kind.DICT) {
        const e = dictEntries(heap, d);
        for (let i = 0; i < e.length; i += 2) if (heap.kind[e[i]!] === Kind.STR) names.add(heap.payload[e[i]!] as string);
      }
    } finally {
      heap.decref(d);
    }
  }
  const cls = getAttrOrNull(heap, obj, '__class__');
  if (cls !== 0) {
    try {
      if (heap.kind[cls] === Kind.TYPE) for (const n of classAttrNames(heap, cls)) names.add(n);
    } finally {
      heap.decref(cls);
    }
  }
  const items = [...names].map((n) => newStr(heap, n));
  const l = newList(heap, items);
  for (const x of items) heap.decref(x);
  return l;
}

/**
 * Attribute names of a class and its bases (what `dir(cls)` shows).
 *
 * @example
 * ```ts
 * classAttrNames(heap, heap.t.object).has('__repr__'); // true
 * ```
 */
export function classAttrNames(heap: Heap, cls: Ref): Set<string> {
  const names = new Set<string>();
  const mro = heap.payload[tdOf(heap, cls).mro] as Ref[];
  for (const c of mro) {
    const e = dictEntries(heap, tdOf(heap, c).dict);
    for (let i = 0; i < e.length; i += 2) if (heap.kind[e[i]!] === Kind.STR) names.add(heap.payload[e[i]!] as string);
  }
  return names;
}

function typeDir(heap: Heap, cls: Ref): Ref {
  const names = [...classAttrNames(heap, cls)].map((n) => newStr(heap, n));
  const l = newList(heap, names);
  for (const x of names) heap.decref(x);
  return l;
}

/** Direct subclasses still alive (the heap keeps them unowned). */
function liveSubclasses(heap: Heap, type: Ref): Ref[] {
  const out: Ref[] = [];
  for (const s of tdOf(heap, type).subclasses) {
    if ((heap.flags[s]! & Flag.FREE) !== 0 || heap.kind[s] !== Kind.TYPE) continue;
    const b = tdOf(heap, s).bases;
    if (b === 0 || !(heap.payload[b] as Ref[]).includes(type)) continue;
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

function immutableTypeError(heap: Heap, ty: Ref, attr: string): Error {
  const name = tdOf(heap, ty).name;
  if (is27(heap)) return typeError(heap, `can't set attributes of built-in/extension type '${name}'`);
  return typeError(heap, `cannot set '${attr}' attribute of immutable type '${name}'`);
}

function methNameFor(heap: Heap, type: string, name: string): string {
  return is27(heap) ? name : `${type}.${name}`;
}

function newStrOnce(heap: Heap, s: string): Ref {
  const r = newStr(heap, s);
  heap.makeImmortal(r);
  heap.decref(r);
  return r;
}

/** `obj.__class__ = value`. */
function setClass(heap: Heap, obj: Ref, value: Ref): void {
  if (value === 0) throw typeError(heap, "can't delete __class__ attribute");
  if (heap.kind[value] !== Kind.TYPE) throw typeError(heap, `__class__ must be set to a class, not '${tpName(heap, value)}' object`);
  const old = heap.typ[obj]!;
  const ot = tdOf(heap, old);
  const nt = tdOf(heap, value);
  if ((ot.tflags & TypeFlag.HEAPTYPE) === 0 || (nt.tflags & TypeFlag.HEAPTYPE) === 0) {
    throw typeError(heap, is27(heap) ? '__class__ assignment: only for heap types' : '__class__ assignment only supported for mutable types or ModuleType subclasses');
  }
  const compatible =
    ot.layout === nt.layout &&
    ot.slotNames.join() === nt.slotNames.join() &&
    (ot.tflags & TypeFlag.HAS_DICT) === (nt.tflags & TypeFlag.HAS_DICT) &&
    (ot.tflags & TypeFlag.GC) === (nt.tflags & TypeFlag.GC);
  if (!compatible) {
    throw typeError(heap, `__class__ assignment: '${nt.name}' object layout differs from '${ot.name}'`);
  }
  if (heap.kind[obj] === Kind.INSTANCE && (ot.sharedKeys !== null || nt.sharedKeys !== null)) materializeDict(heap, obj);
  heap.incref(value);
  heap.typ[obj] = value;
  heap.retypes++;
  heap.decref(old);
}

/** Formatting hook (set by format.ts to avoid an import cycle): `format(value, spec)`. */
let formatHook: (heap: Heap, value: Ref, spec: Ref) => Ref = (heap) => {
  throw typeError(heap, 'format() is not installed');
};

/**
 * Wire `format()` (called by the installer).
 *
 * @example
 * ```ts
 * setFormatHook((h, v, spec) => newStr(h, formatValue(h, v, h.payload[spec] as string)));
 * ```
 */
export function setFormatHook(fn: (heap: Heap, value: Ref, spec: Ref) => Ref): void {
  formatHook = fn;
}

export { superInit, PyException, newTuple, forEach, newBuiltinFunction, type DescriptorData };
