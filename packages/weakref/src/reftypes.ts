/**
 * Python-visible behaviour of the weak-reference types the heap defines (`heap.t.weakref`,
 * `weakproxy`, `weakcallableproxy`): what CPython's `Objects/weakrefobject.c` gives them on top
 * of the object layer's weakref lists.
 *
 * - `ref(obj, callback=None)` through the type (`__new__` + `__init__` in the type's dict, so a
 *   Python subclass can call `ref.__new__(cls, ob, cb)` and `super().__init__(ob, cb)`),
 *   `__callback__` (3.12), calling, hashing (remembered after death), equality, repr with the
 *   referent's `__name__`.
 * - Proxies forward attribute get/set/delete, calls, comparisons, `len`, iteration, item access,
 *   `bool`, `str` and the arithmetic dunders to the referent and raise
 *   `ReferenceError: weakly-referenced object no longer exists` once it is dead; they are
 *   unhashable.
 */
import {
  CompareOp,
  Flag,
  HASH_HI,
  Kind,
  PyException,
  TypeFlag,
  addressText,
  call,
  defineMethod,
  dictDelItem,
  dictGetItem,
  dictSetStr,
  genericSetAttr,
  getAttr,
  getAttrOrNull,
  getIter,
  hashOf,
  hashToBigInt,
  isSubtype,
  isTrue,
  iterNext,
  length,
  newBuiltinFunction,
  newInt,
  newList,
  newStr,
  newWeakproxy,
  newWeakref,
  richCompare,
  setAttr,
  strOf,
  typeLookup,
  weakrefReferent,
  weakrefsOf,
  isWeakrefable,
  type DescriptorData,
  type FunctionData,
  type BuiltinData,
  type Heap,
  type NativeFn,
  type Ref,
  type TypeSlots,
  type WeakrefData,
} from '@heaplab/heap';
import { noKeywords, positional, unpackTuple } from './internal/args.js';
import { BINARY_OPS, UNARY_OPS, contains, getItem, numberBinary, numberInplace, numberPower, numberUnary, setItem, unaryOp } from './internal/ops.js';
import { stateOf } from './internal/state.js';
import { bool, deadProxyError, none } from './internal/util.js';

// ============================================================================================
// Slot storage for weakref subclasses with __slots__ (KeyedRef.key, WeakMethod._func_ref...)
// ============================================================================================

/**
 * Weakref objects keep their payload as `WeakrefData`, so the `__slots__` members of a weakref
 * subclass (KeyedRef's `key`) live in the heap's side table `[dict, slot0, slot1, ...]`, which
 * the heap already traverses, clears and releases for builtin-layout objects of heap types.
 */
export function refSlotGet(heap: Heap, wr: Ref, index: number): Ref {
  if ((heap.flags[wr]! & Flag.SIDE_DICT) === 0) return 0;
  return heap.sideData.get(wr)![1 + index] ?? 0;
}

/** Set (value increfed) or clear (value 0) slot `index` of a weakref subclass instance. */
export function refSlotSet(heap: Heap, wr: Ref, index: number, value: Ref): void {
  let side = (heap.flags[wr]! & Flag.SIDE_DICT) !== 0 ? heap.sideData.get(wr) : undefined;
  if (side === undefined) {
    side = [0];
    heap.sideData.set(wr, side);
    heap.flags[wr] |= Flag.SIDE_DICT;
  }
  while (side.length <= 1 + index) side.push(0);
  const old = side[1 + index]!;
  heap.xincref(value);
  side[1 + index] = value;
  heap.xdecref(old);
}

/**
 * A `member_descriptor` named `name` on `type` (what a `__slots__` entry creates), reading and
 * writing slot `index` of the side storage. Returns a borrowed reference (the type's dict owns it).
 */
export function defineRefSlotMember(heap: Heap, type: Ref, name: string, index: number): Ref {
  const typeName = heap.typeData(type).name;
  const missing = (h: Heap): PyException =>
    h.newException(h.t.AttributeError, h.profile.version === '2.7' ? name : `'${typeName}' object has no attribute '${name}'`);
  heap.incref(type);
  const data: DescriptorData = {
    type,
    name,
    slotIndex: index,
    get: ((h: Heap, obj: Ref) => {
      const v = refSlotGet(h, obj, index);
      if (v === 0) throw missing(h);
      return h.newRef(v);
    }) as DescriptorData['get'],
    set: ((h: Heap, obj: Ref, value: Ref) => {
      if (value === 0 && refSlotGet(h, obj, index) === 0) throw missing(h);
      refSlotSet(h, obj, index, value);
    }) as DescriptorData['set'],
  };
  const d = heap.alloc(heap.t.member_descriptor, Kind.DESCRIPTOR, data);
  heap.track(d);
  dictSetStr(heap, heap.typeData(type).dict, name, d);
  heap.decref(d);
  heap.typeEpoch++;
  return d;
}

/**
 * `tp_setattro` for weakref subclasses whose `__slots__` give them no `__dict__`: only
 * descriptors can be set; anything else is `AttributeError: 'KeyedRef' object has no attribute 'x'`.
 */
export function slotsOnlySetattr(heap: Heap, obj: Ref, name: string, value: Ref): void {
  const td = heap.typeOf(obj);
  if ((td.tflags & TypeFlag.HAS_DICT) !== 0) {
    genericSetAttr(heap, obj, name, value);
    return;
  }
  const descr = typeLookup(heap, heap.typ[obj]!, name);
  if (descr !== 0 && heap.typeOf(descr).slots.descrSet !== undefined) {
    genericSetAttr(heap, obj, name, value);
    return;
  }
  if (descr !== 0 && value !== 0) throw heap.newException(heap.t.AttributeError, `'${td.name}' object attribute '${name}' is read-only`);
  throw heap.newException(heap.t.AttributeError, `'${td.name}' object has no attribute '${name}'`);
}

// ============================================================================================
// ref
// ============================================================================================

/** Is `r` a weak reference object of any kind (ref, proxy, or a subclass) — `PyWeakref_Check`. */
export function isAnyWeakref(heap: Heap, r: Ref): boolean {
  return heap.kind[r] === Kind.WEAKREF;
}

/**
 * Is `r` a proxy (`PyWeakref_CheckProxy`)?
 *
 * @example
 * ```ts
 * import { Heap, newSet } from '@heaplab/heap';
 * import { isProxy, newProxy, newRef } from '@heaplab/weakref';
 * const heap = new Heap();
 * const s = newSet(heap);
 * isProxy(heap, newProxy(heap, s)); // true
 * isProxy(heap, newRef(heap, s)); // false
 * ```
 */
export function isProxy(heap: Heap, r: Ref): boolean {
  const t = heap.typ[r];
  return t === heap.t.weakproxy || t === heap.t.weakcallableproxy;
}

/**
 * Is `r` a `ref` or an instance of a subclass of it (`PyWeakref_CheckRef`)?
 *
 * @example
 * ```ts
 * import { Heap, newSet } from '@heaplab/heap';
 * import { isRef, newRef } from '@heaplab/weakref';
 * const heap = new Heap();
 * isRef(heap, newRef(heap, newSet(heap))); // true
 * ```
 */
export function isRef(heap: Heap, r: Ref): boolean {
  return heap.kind[r] === Kind.WEAKREF && isSubtype(heap, heap.typ[r]!, heap.t.weakref);
}

/**
 * `ref.__new__(type, ob, callback=None)`: a new reference to a weakref of `type` (shared when
 * `type` is exactly `ref` and there is no callback).
 *
 * @example
 * ```ts
 * import { Heap, newSet, weakrefReferent } from '@heaplab/heap';
 * import { newRef } from '@heaplab/weakref';
 * const heap = new Heap();
 * const s = newSet(heap);
 * const w = newRef(heap, s);
 * weakrefReferent(heap, w) === s; // true
 * ```
 */
export function newRef(heap: Heap, obj: Ref, callback: Ref = 0, type: Ref = heap.t.weakref): Ref {
  return newWeakref(heap, obj, callback === heap.None ? 0 : callback, type);
}

/**
 * `weakref.proxy(obj, callback=None)`: a new reference to a proxy (a callable proxy when `obj`
 * is callable; callback-less proxies are shared).
 *
 * @example
 * ```ts
 * import { Heap, newSet, reprOf } from '@heaplab/heap';
 * import { installWeakrefTypes, newProxy } from '@heaplab/weakref';
 * const heap = new Heap();
 * installWeakrefTypes(heap);
 * const s = newSet(heap);
 * const p = newProxy(heap, s);
 * heap.decref(s); // the set dies: the proxy is dead
 * reprOf(heap, p).includes('to NoneType'); // true
 * ```
 */
export function newProxy(heap: Heap, obj: Ref, callback: Ref = 0): Ref {
  return newWeakproxy(heap, obj, callback === heap.None ? 0 : callback);
}

/** The referent of a ref/proxy as a new reference, or None when dead. */
function referentOrNone(heap: Heap, wr: Ref): Ref {
  const r = weakrefReferent(heap, wr);
  return heap.newRef(r === 0 ? heap.None : r);
}

/** `ref.__new__` as Python sees it: `(cls, ob, callback=None)`, keywords ignored (CPython). */
const refNewFn: NativeFn = (heap, _self, args, kwnames) => {
  const pos = positional(args, kwnames);
  const cls = pos[0];
  if (cls === undefined || heap.kind[cls] !== Kind.TYPE) {
    throw heap.newException(heap.t.TypeError, heap.profile.version === '2.7' ? 'weakref.__new__(X): X is not a type object' : 'ref.__new__(X): X is not a type object');
  }
  if (!isSubtype(heap, cls, heap.t.weakref)) {
    throw heap.newException(heap.t.TypeError, `weakref.__new__(${heap.typeData(cls).name}): ${heap.typeData(cls).name} is not a subtype of weakref`);
  }
  const rest = unpackTuple(heap, '__new__', pos.slice(1), 1, 2);
  return newRef(heap, rest[0]!, rest[1] ?? 0, cls);
};

/** `ref.__init__`: validates the arguments again (no keywords, one or two positionals). */
export function refInitCheck(heap: Heap, args: readonly Ref[], kwnames: readonly string[] | null): void {
  noKeywords(heap, 'ref', kwnames);
  unpackTuple(heap, '__init__', args, 1, 2);
}

const refInitFn: NativeFn = (heap, _self, args, kwnames) => {
  refInitCheck(heap, args, kwnames);
  return none(heap);
};

/** Calling a weakref: its referent, or None. */
function refCall(heap: Heap, wr: Ref, args: readonly Ref[], kwnames: readonly string[] | null): Ref {
  if (heap.profile.version === '2.7') {
    if (args.length > 0) throw heap.newException(heap.t.TypeError, `__call__() takes at most 0 arguments (${args.length} given)`);
  } else {
    if (kwnames !== null && kwnames.length > 0) throw heap.newException(heap.t.TypeError, 'weakref() takes no keyword arguments');
    if (args.length > 0) throw heap.newException(heap.t.TypeError, `weakref expected 0 arguments, got ${args.length}`);
  }
  return referentOrNone(heap, wr);
}

/** `ref == other`: by referent while both are alive, by identity otherwise. */
function refRichcompare(heap: Heap, a: Ref, b: Ref, op: CompareOp): Ref {
  const comparable =
    heap.profile.version === '2.7' ? heap.typ[a] === heap.typ[b] && heap.kind[b] === Kind.WEAKREF : isAnyWeakref(heap, a) && isAnyWeakref(heap, b);
  if ((op !== CompareOp.EQ && op !== CompareOp.NE) || !comparable) return heap.newRef(heap.NotImplemented);
  const ra = weakrefReferent(heap, a);
  const rb = weakrefReferent(heap, b);
  if (ra === 0 || rb === 0) {
    const same = a === b;
    return bool(heap, op === CompareOp.EQ ? same : !same);
  }
  heap.incref(ra);
  heap.incref(rb);
  try {
    return richCompare(heap, ra, rb, op);
  } finally {
    heap.decref(ra);
    heap.decref(rb);
  }
}

/** The `__name__` a weakref/proxy repr shows for its referent, or null. */
function referentName(heap: Heap, obj: Ref): string | null {
  let name = 0;
  try {
    name = getAttrOrNull(heap, obj, '__name__');
  } catch (e) {
    if (!(e instanceof PyException) || heap.profile.version !== '2.7') throw e;
    heap.decref(e.exc);
    name = 0;
  }
  if (name !== 0) {
    try {
      if (heap.kind[name] === Kind.STR && (heap.profile.version !== '2.7' || heap.typ[name] === heap.t.str)) return heap.payload[name] as string;
      return null;
    } finally {
      heap.decref(name);
    }
  }
  // Objects whose `__name__` the runtime has not exposed as an attribute yet.
  switch (heap.kind[obj]) {
    case Kind.TYPE:
      return heap.typeData(obj).name;
    case Kind.FUNCTION: {
      const n = (heap.payload[obj] as FunctionData).name;
      return n !== 0 && heap.kind[n] === Kind.STR ? (heap.payload[n] as string) : null;
    }
    case Kind.BUILTIN:
      return (heap.payload[obj] as BuiltinData).name;
  }
  return null;
}

/** `repr(ref)`: `<weakref at 0x...; to 'C' at 0x...>` plus ` (name)` for named referents. */
function refRepr(heap: Heap, wr: Ref): string {
  const obj = weakrefReferent(heap, wr);
  if (obj === 0) return `<weakref at ${addressText(heap, wr)}; dead>`;
  heap.incref(obj);
  try {
    const name = referentName(heap, obj);
    const base = `<weakref at ${addressText(heap, wr)}; to '${heap.typeName(obj)}' at ${addressText(heap, obj)}`;
    return name === null ? `${base}>` : `${base} (${name})>`;
  } finally {
    heap.decref(obj);
  }
}

// ============================================================================================
// proxies
// ============================================================================================

/** The referent of a proxy, as a new reference; ReferenceError when dead. */
function unwrapProxy(heap: Heap, p: Ref): Ref {
  const r = weakrefReferent(heap, p);
  if (r === 0) throw deadProxyError(heap);
  heap.incref(r);
  return r;
}

/** `UNWRAP(o)`: a proxy becomes its referent (new reference); anything else is increfed as is. */
function unwrap(heap: Heap, o: Ref): Ref {
  if (isProxy(heap, o)) return unwrapProxy(heap, o);
  heap.incref(o);
  return o;
}

function withReferent<T>(heap: Heap, p: Ref, fn: (obj: Ref) => T): T {
  const obj = unwrapProxy(heap, p);
  try {
    return fn(obj);
  } finally {
    heap.decref(obj);
  }
}

function proxyRichcompare(heap: Heap, a: Ref, b: Ref, op: CompareOp): Ref {
  // 2.7 compares proxies with a three-way tp_compare that only applies between two proxies;
  // 3.12 unwraps both operands and compares the referents.
  if (heap.profile.version === '2.7' && !(isProxy(heap, a) && isProxy(heap, b))) return heap.newRef(heap.NotImplemented);
  const x = unwrap(heap, a);
  let y: Ref;
  try {
    y = unwrap(heap, b);
  } catch (e) {
    heap.decref(x);
    throw e;
  }
  try {
    return richCompare(heap, x, y, op);
  } finally {
    heap.decref(x);
    heap.decref(y);
  }
}

/** `repr(proxy)`: `<weakproxy at 0x... to C at 0x...>` (a dead one points at None). */
function proxyRepr(heap: Heap, p: Ref): string {
  const obj = weakrefReferent(heap, p);
  const target = obj === 0 ? heap.None : obj;
  return `<weakproxy at ${addressText(heap, p)} to ${heap.typeName(target)} at ${addressText(heap, target)}>`;
}

function proxyIterNext(heap: Heap, p: Ref): Ref {
  return withReferent(heap, p, (obj) => {
    const td = heap.typeOf(obj);
    if (td.slots.iternext === undefined && heap.kind[obj] !== Kind.ITERATOR) {
      throw heap.newException(
        heap.t.TypeError,
        heap.profile.version === '2.7' ? `'${heap.typeName(obj)}' object is not iterable` : `Weakref proxy referenced a non-iterator '${heap.typeName(obj)}' object`,
      );
    }
    return iterNext(heap, obj);
  });
}

function proxySlots(heap: Heap, callable: boolean): TypeSlots {
  const unhashable = heap.profile.messages.unhashable;
  const slots: TypeSlots = {
    getattro: (h, p, name) => withReferent(h, p, (obj) => getAttr(h, obj, name)),
    getattroOrNull: (h, p, name) => withReferent(h, p, (obj) => getAttrOrNull(h, obj, name)),
    setattro: (h, p, name, value) => withReferent(h, p, (obj) => setAttr(h, obj, name, value)),
    richcompare: proxyRichcompare,
    hash: (h, p) => {
      throw h.newException(h.t.TypeError, unhashable(h.typeName(p)));
    },
    repr: proxyRepr,
    str: (h, p) => withReferent(h, p, (obj) => strOf(h, obj)),
    iter: (h, p) => withReferent(h, p, (obj) => getIter(h, obj)),
    iternext: proxyIterNext,
    len: (h, p) => withReferent(h, p, (obj) => length(h, obj)),
    getitem: (h, p, key) => withReferent(h, p, (obj) => getItem(h, obj, key)),
    setitem: (h, p, key, value) => withReferent(h, p, (obj) => setItem(h, obj, key, value)),
    contains: (h, p, item) => withReferent(h, p, (obj) => contains(h, obj, item)),
    bool: (h, p) => withReferent(h, p, (obj) => isTrue(h, obj)),
  };
  if (callable) slots.call = (h, p, args, kw) => withReferent(h, p, (obj) => call(h, obj, args, kw));
  return slots;
}

/** `UNWRAP` both operands (either may be the proxy), run `fn` on the referents. */
function withBothUnwrapped(heap: Heap, v: Ref, w: Ref, fn: (x: Ref, y: Ref) => Ref): Ref {
  const x = unwrap(heap, v);
  let y: Ref;
  try {
    y = unwrap(heap, w);
  } catch (e) {
    heap.decref(x);
    throw e;
  }
  try {
    return fn(x, y);
  } finally {
    heap.decref(x);
    heap.decref(y);
  }
}

/**
 * The proxies' `tp_as_number` (shared by both proxy types, so a proxy on each side of `+` runs
 * the slot once): every operator unwraps its operands and applies the operator again to the
 * referents (`proxy_add` is `PyNumber_Add` on the unwrapped operands). Classic `/` and `@` only
 * where the profile's language has them.
 */
function proxyNumberSlots(heap: Heap): Pick<TypeSlots, 'nb' | 'nbInplace' | 'nbUnary'> {
  const { classicDivide, matrixMultiply } = heap.profile.numberSlots;
  const nb: NonNullable<TypeSlots['nb']> = {};
  const nbInplace: NonNullable<TypeSlots['nbInplace']> = {};
  for (const [op] of BINARY_OPS) {
    if ((op === 'Div' && !classicDivide) || (op === 'MatMult' && !matrixMultiply)) continue;
    nb[op] = (h, v, w) => withBothUnwrapped(h, v, w, (x, y) => numberBinary(h, op, x, y));
    if (op !== 'DivMod') nbInplace[op] = (h, v, w) => withBothUnwrapped(h, v, w, (x, y) => numberInplace(h, op, x, y));
  }
  const nbUnary: NonNullable<TypeSlots['nbUnary']> = {};
  for (const [op] of UNARY_OPS) {
    if (op !== null) nbUnary[op] = (h, v) => withReferent(h, v, (x) => numberUnary(h, op, x));
  }
  return { nb, nbInplace, nbUnary };
}

/** `proxy_pow`: `PyNumber_Power` on the unwrapped operands and modulus. */
function proxyPower(heap: Heap, v: Ref, w: Ref, z: Ref): Ref {
  return withBothUnwrapped(heap, v, w, (x, y) => {
    const m = unwrap(heap, z);
    try {
      return numberPower(heap, x, y, m);
    } finally {
      heap.decref(m);
    }
  });
}

/** Dunder methods in the proxy types' namespaces (what `type(p).__add__` finds). */
function installProxyMethods(heap: Heap, type: Ref, callable: boolean): void {
  const m = (name: string, fn: NativeFn): void => {
    defineMethod(heap, type, name, fn);
  };
  const slots = heap.typeData(type).slots;
  for (const [op, name, rname] of BINARY_OPS) {
    const f = slots.nb?.[op];
    if (f === undefined) continue;
    if (op === 'Pow') {
      // nb_power is ternary: pow(p, 2, 5) reaches type(p).__pow__(p, 2, 5).
      m(name, (h, self, args) => proxyPower(h, self, args[0] ?? h.None, args[1] ?? h.None));
      m(rname, (h, self, args) => proxyPower(h, args[0] ?? h.None, self, args[1] ?? h.None));
      continue;
    }
    m(name, (h, self, args) => f(h, self, args[0] ?? h.None));
    m(rname, (h, self, args) => f(h, args[0] ?? h.None, self));
  }
  for (const [op, name, symbol] of UNARY_OPS) {
    const f = op === null ? undefined : slots.nbUnary?.[op];
    if (f !== undefined) m(name, (h, self) => f(h, self));
    else m(name, (h, self) => withReferent(h, self, (obj) => unaryOp(h, obj, name, symbol)));
  }
  m('__getattribute__', (h, self, args) => slots.getattro!(h, self, strArg(h, args[0])));
  m('__setattr__', (h, self, args) => {
    slots.setattro!(h, self, strArg(h, args[0]), args[1] ?? h.None);
    return none(h);
  });
  m('__delattr__', (h, self, args) => {
    slots.setattro!(h, self, strArg(h, args[0]), 0);
    return none(h);
  });
  m('__len__', (h, self) => newInt(h, slots.len!(h, self)));
  m('__getitem__', (h, self, args) => slots.getitem!(h, self, args[0] ?? h.None));
  m('__setitem__', (h, self, args) => {
    slots.setitem!(h, self, args[0] ?? h.None, args[1] ?? h.None);
    return none(h);
  });
  m('__delitem__', (h, self, args) => {
    slots.setitem!(h, self, args[0] ?? h.None, 0);
    return none(h);
  });
  m('__contains__', (h, self, args) => bool(h, slots.contains!(h, self, args[0] ?? h.None)));
  m('__iter__', (h, self) => slots.iter!(h, self));
  m(heap.profile.version === '2.7' ? 'next' : '__next__', (h, self) => {
    const r = slots.iternext!(h, self);
    if (r === 0) throw h.newException(h.t.StopIteration, null);
    return r;
  });
  m(heap.profile.version === '2.7' ? '__nonzero__' : '__bool__', (h, self) => bool(h, slots.bool!(h, self)));
  m('__str__', (h, self) => newStrRef(h, slots.str!(h, self)));
  m('__repr__', (h, self) => newStrRef(h, slots.repr!(h, self)));
  m('__hash__', (h, self) => newInt(h, slots.hash!(h, self)));
  for (const [name, op] of [
    ['__lt__', CompareOp.LT],
    ['__le__', CompareOp.LE],
    ['__eq__', CompareOp.EQ],
    ['__ne__', CompareOp.NE],
    ['__gt__', CompareOp.GT],
    ['__ge__', CompareOp.GE],
  ] as const) {
    m(name, (h, self, args) => proxyRichcompare(h, self, args[0] ?? h.None, op));
  }
  if (heap.profile.version !== '2.7') {
    m('__bytes__', (h, self) => withReferent(h, self, (obj) => callNamed(h, obj, '__bytes__')));
    m('__reversed__', (h, self) => withReferent(h, self, (obj) => callNamed(h, obj, '__reversed__')));
  } else {
    m('__unicode__', (h, self) => withReferent(h, self, (obj) => callNamed(h, obj, '__unicode__')));
  }
  if (callable) m('__call__', (h, self, args, kw) => slots.call!(h, self, args, kw));
}

function callNamed(heap: Heap, obj: Ref, name: string): Ref {
  const f = getAttr(heap, obj, name);
  try {
    return call(heap, f, []);
  } finally {
    heap.decref(f);
  }
}

function strArg(heap: Heap, r: Ref | undefined): string {
  if (r === undefined || heap.kind[r] !== Kind.STR) {
    throw heap.newException(heap.t.TypeError, `attribute name must be string, not '${r === undefined ? 'NoneType' : heap.typeName(r)}'`);
  }
  return heap.payload[r] as string;
}

function newStrRef(heap: Heap, s: string): Ref {
  return newStr(heap, s);
}

// ============================================================================================
// Installation
// ============================================================================================

/**
 * Give the heap's weakref types their Python behaviour (idempotent per heap). Called by
 * `createWeakrefPythonModule`; call it directly to use `ref`/`proxy` from TypeScript with
 * CPython's semantics (proxy forwarding, comparisons, reprs).
 *
 * @example
 * ```ts
 * import { Heap, call, newSet } from '@heaplab/heap';
 * import { installWeakrefTypes } from '@heaplab/weakref';
 * const heap = new Heap();
 * installWeakrefTypes(heap);
 * const s = newSet(heap);
 * const w = call(heap, heap.t.weakref, [s]); // weakref.ref(s)
 * call(heap, w, []) === s; // true
 * ```
 */
export function installWeakrefTypes(heap: Heap): void {
  const st = stateOf(heap);
  if (st.refTypesInstalled) return;
  st.refTypesInstalled = true;
  const t = heap.t;
  const is27 = heap.profile.version === '2.7';

  fixWeakrefability(heap);

  // ---- ref --------------------------------------------------------------------------------
  const refTd = heap.typeData(t.weakref);
  refTd.slots.call = refCall;
  refTd.slots.richcompare = refRichcompare;
  refTd.slots.repr = refRepr;
  const newFn = newBuiltinFunction(heap, '__new__', refNewFn, t.weakref, null, true);
  dictSetStr(heap, refTd.dict, '__new__', newFn);
  heap.decref(newFn);
  defineMethod(heap, t.weakref, '__init__', refInitFn);
  defineMethod(heap, t.weakref, '__call__', (h, self, args, kw) => refCall(h, self, args, kw));
  const nativeHash = refTd.slots.hash ?? ((h: Heap, self: Ref) => hashOf(h, self));
  defineMethod(heap, t.weakref, '__hash__', (h, self) => {
    const lo = nativeHash(h, self);
    return newInt(h, hashToBigInt(lo, HASH_HI[0]!));
  });
  defineMethod(heap, t.weakref, '__repr__', (h, self) => newStr(h, refRepr(h, self)));
  for (const [name, op] of [
    ['__eq__', CompareOp.EQ],
    ['__ne__', CompareOp.NE],
    ['__lt__', CompareOp.LT],
    ['__le__', CompareOp.LE],
    ['__gt__', CompareOp.GT],
    ['__ge__', CompareOp.GE],
  ] as const) {
    defineMethod(heap, t.weakref, name, (h, self, args) => refRichcompare(h, self, args[0] ?? h.None, op));
  }
  if (!is27) {
    const cbMember = newCallbackMember(heap);
    dictSetStr(heap, refTd.dict, '__callback__', cbMember);
    heap.decref(cbMember);
  }

  // ---- proxies ----------------------------------------------------------------------------
  const numberSlots = proxyNumberSlots(heap);
  for (const [ty, callable] of [
    [t.weakproxy, false],
    [t.weakcallableproxy, true],
  ] as const) {
    const td = heap.typeData(ty);
    td.slots = { ...td.slots, ...proxySlots(heap, callable), ...numberSlots };
    installProxyMethods(heap, ty, callable);
  }
  heap.typeEpoch++;
}

/**
 * Which builtin types support weak references, per CPython version (checked on 2.7.18 and
 * 3.12.1): weakref objects themselves, exceptions, property/staticmethod/classmethod do not;
 * modules and builtin functions do in 3.12 only. A subclass of a type without support gets it
 * (`__weakref__`), which is how `WeakMethod` can list `'__weakref__'` in its `__slots__`.
 */
function fixWeakrefability(heap: Heap): void {
  const t = heap.t;
  const is27 = heap.profile.version === '2.7';
  const set = (ty: Ref, on: boolean): void => {
    if (ty === 0) return;
    const td = heap.typeData(ty);
    if ((td.tflags & TypeFlag.HEAPTYPE) !== 0) return;
    if (on) td.tflags |= TypeFlag.WEAKREFABLE;
    else td.tflags &= ~TypeFlag.WEAKREFABLE;
  };
  for (const ty of [t.weakref, t.weakproxy, t.weakcallableproxy, t.property, t.staticmethod, t.classmethod]) set(ty, false);
  for (const ty of t.exceptionsByName.values()) set(ty, false);
  set(t.module, !is27);
  set(t.builtin_function_or_method, !is27);
}

/** `ref.__callback__` (3.12): a read-only member returning the callback or None. */
function newCallbackMember(heap: Heap): Ref {
  heap.incref(heap.t.weakref);
  const data: DescriptorData = {
    type: heap.t.weakref,
    name: '__callback__',
    get: ((h: Heap, obj: Ref) => {
      const cb = (h.payload[obj] as WeakrefData).callback;
      return h.newRef(cb === 0 ? h.None : cb);
    }) as DescriptorData['get'],
    set: ((h: Heap) => {
      throw h.newException(h.t.AttributeError, 'readonly attribute');
    }) as DescriptorData['set'],
  };
  const d = heap.alloc(heap.t.member_descriptor, Kind.DESCRIPTOR, data);
  heap.track(d);
  return d;
}

// ============================================================================================
// _weakref module functions
// ============================================================================================

function exactlyOneArg(heap: Heap, name: string, args: readonly Ref[], kwnames: readonly string[] | null): Ref {
  const shown = heap.profile.version === '2.7' ? name : `_weakref.${name}`;
  if (kwnames !== null && kwnames.length > 0) throw heap.newException(heap.t.TypeError, `${shown}() takes no keyword arguments`);
  if (args.length !== 1) throw heap.newException(heap.t.TypeError, `${shown}() takes exactly one argument (${args.length} given)`);
  return args[0]!;
}

/**
 * `weakref.getweakrefcount(obj)`: how many weak references and proxies point at `obj` (0 for
 * objects that cannot be weakly referenced).
 *
 * @example
 * ```ts
 * import { Heap, newSet } from '@heaplab/heap';
 * import { getweakrefcount, newRef } from '@heaplab/weakref';
 * const heap = new Heap();
 * const s = newSet(heap);
 * newRef(heap, s);
 * getweakrefcount(heap, s); // 1
 * ```
 */
export function getweakrefcount(heap: Heap, obj: Ref): number {
  if (!isWeakrefable(heap, obj)) return 0;
  return weakrefsOf(heap, obj).length;
}

/**
 * `weakref.getweakrefs(obj)`: a new list of the weakrefs and proxies to `obj`, in the order of
 * its weakref list.
 *
 * @example
 * ```ts
 * import { Heap, newSet, listItems } from '@heaplab/heap';
 * import { getweakrefs, newRef } from '@heaplab/weakref';
 * const heap = new Heap();
 * const s = newSet(heap);
 * const w = newRef(heap, s);
 * listItems(heap, getweakrefs(heap, s))[0] === w; // true
 * ```
 */
export function getweakrefs(heap: Heap, obj: Ref): Ref {
  if (!isWeakrefable(heap, obj)) return newList(heap, []);
  return newList(heap, weakrefsOf(heap, obj));
}

/** The builtin functions of `_weakref`, as `[name, implementation]`. */
export function weakrefModuleFunctions(heap: Heap): [string, NativeFn][] {
  const is27 = heap.profile.version === '2.7';
  return [
    ['getweakrefcount', (h, _s, args, kw) => newInt(h, getweakrefcount(h, exactlyOneArg(h, 'getweakrefcount', args, kw)))],
    ['getweakrefs', (h, _s, args, kw) => getweakrefs(h, exactlyOneArg(h, 'getweakrefs', args, kw))],
    [
      'proxy',
      (h, _s, args, kw) => {
        if (kw !== null && kw.length > 0) throw h.newException(h.t.TypeError, 'proxy() takes no keyword arguments');
        const a = unpackTuple(h, 'proxy', args, 1, 2);
        return newProxy(h, a[0]!, a[1] ?? 0);
      },
    ],
    [
      '_remove_dead_weakref',
      (h, _s, args, kw) => {
        const n = positional(args, kw).length;
        if (n !== 2 || (kw !== null && kw.length > 0)) {
          throw h.newException(
            h.t.TypeError,
            is27 ? `_remove_dead_weakref expected 2 arguments, got ${n}` : `_remove_dead_weakref expected 2 arguments, got ${n}`,
          );
        }
        removeDeadWeakref(h, args[0]!, args[1]!);
        return none(h);
      },
    ],
  ];
}

/**
 * `_weakref._remove_dead_weakref(dct, key)`: delete `dct[key]` if its value is a dead weakref
 * (a missing key is fine).
 *
 * @example
 * ```ts
 * import { Heap, dictLen, dictSetItem, newDict, newInt, newSet } from '@heaplab/heap';
 * import { newRef, removeDeadWeakref } from '@heaplab/weakref';
 * const heap = new Heap();
 * const d = newDict(heap);
 * const s = newSet(heap);
 * const w = newRef(heap, s);
 * dictSetItem(heap, d, newInt(heap, 1), w);
 * removeDeadWeakref(heap, d, newInt(heap, 1));
 * dictLen(heap, d); // 1
 * heap.decref(s);
 * removeDeadWeakref(heap, d, newInt(heap, 1));
 * dictLen(heap, d); // 0
 * ```
 */
export function removeDeadWeakref(heap: Heap, dct: Ref, key: Ref): void {
  if (heap.kind[dct] !== Kind.DICT) throw heap.newException(heap.t.TypeError, 'not a dict');
  const v = dictGetItem(heap, dct, key);
  if (v === 0) return;
  if (heap.kind[v] === Kind.WEAKREF && weakrefReferent(heap, v) === 0) dictDelItem(heap, dct, key);
}


/** The heap's `_weakref._remove_dead_weakref` builtin (borrowed), created on first use. */
export function removeDeadWeakrefBuiltin(heap: Heap): Ref {
  const st = stateOf(heap);
  if (st.removeDeadWeakref === 0) {
    const fn = weakrefModuleFunctions(heap).find(([n]) => n === '_remove_dead_weakref')![1];
    st.removeDeadWeakref = newBuiltinFunction(heap, '_remove_dead_weakref', fn, 0, '_weakref');
  }
  return st.removeDeadWeakref;
}
