/**
 * The abstract object protocol: hashing, comparison, truth, attribute access and calls — what
 * CPython's `Objects/abstract.c` and `object.c` provide. Each operation dispatches on the
 * object's type slots; builtin kinds have fast paths here so dicts and sets never go through a
 * slot lookup for strings and ints.
 */
import { PyException } from './errors.js';
import type { ExceptionData } from './layouts.js';
import { dictFindStr, dictGetStr, type DictData, newStr } from './objects.js';
import {
  floatHash27,
  floatHash3,
  HASH_HI,
  hashFromBigInt,
  hashToBigInt,
  intHash27,
  intHashMersenne,
  pointerHash,
  strHash27,
  strHashRandomized,
  tupleHash27,
  tupleHash3,
} from './hash.js';
import type { Heap } from './heap.js';
import { Kind } from './kinds.js';
import type { Ref } from './ref.js';
import type { SetStore } from './set.js';
import { CompareOp, TypeFlag, type TypeData } from './typedata.js';
import { getAttrStorage, instanceDictState, setAttrStorage } from './instances.js';

// ============================================================================================
// Hashing
// ============================================================================================

/**
 * `hash(obj)`: returns the low 32 bits, leaves the high 32 bits in `HASH_HI[0]`. Raises
 * TypeError for unhashable objects.
 *
 * @example
 * ```ts
 * import { Heap, hashOf, newInt, HASH_HI } from '@heaplab/heap';
 * const heap = new Heap();
 * hashOf(heap, newInt(heap, 5)); // 5
 * ```
 */
export function hashOf(heap: Heap, r: Ref): number {
  const kind = heap.kind[r]!;
  const type = heap.typ[r]!;
  const t = heap.t;
  if (kind === Kind.STR && (type === t.str || type === t.unicode)) {
    const s = heap.payload[r] as string;
    return heap.profile.strHash === 'py27' ? strHash27(s) : strHashRandomized(s);
  }
  if ((kind === Kind.INT && (type === t.int || type === t.long)) || kind === Kind.BOOL) {
    const v = heap.payload[r] as number | bigint;
    return heap.profile.intHash === 'clong' ? intHash27(v) : intHashMersenne(v);
  }
  const td = heap.payload[type] as TypeData;
  if (td.slots.hash !== undefined) return td.slots.hash(heap, r);
  return defaultHash(heap, r);
}

/** The builtin hash of a builtin kind (used by slots and subclasses that keep the base hash). */
export function defaultHash(heap: Heap, r: Ref): number {
  const kind = heap.kind[r]!;
  switch (kind) {
    case Kind.STR:
    case Kind.BYTES: {
      const s = heap.payload[r] as string;
      return heap.profile.strHash === 'py27' ? strHash27(s) : strHashRandomized(s);
    }
    case Kind.INT:
    case Kind.BOOL: {
      const v = heap.payload[r] as number | bigint;
      return heap.profile.intHash === 'clong' ? intHash27(v) : intHashMersenne(v);
    }
    case Kind.FLOAT: {
      const v = heap.payload[r] as number;
      return heap.profile.intHash === 'clong' ? floatHash27(v, 0) : floatHash3(v, Math.floor(heap.addressOf(r) / 16));
    }
    case Kind.TUPLE: {
      const items = heap.payload[r] as Ref[];
      const hs: bigint[] = [];
      for (const it of items) {
        const lo = hashOf(heap, it);
        hs.push(hashToBigInt(lo, HASH_HI[0]!));
      }
      return heap.profile.intHash === 'clong' ? tupleHash27(hs) : tupleHash3(hs);
    }
    case Kind.FROZENSET:
      return frozensetHash(heap, r);
    case Kind.LIST:
    case Kind.DICT:
    case Kind.SET:
      throw heap.newException(heap.t.TypeError, heap.profile.messages.unhashable(heap.typeName(r)));
    default:
      return pointerHash(heap.addressOf(r));
  }
}

/** frozenset hash: CPython's `frozenset_hash` (xor of shuffled member hashes, then mixing). */
function frozensetHash(heap: Heap, r: Ref): number {
  const store = heap.payload[r] as SetStore;
  const M = (1n << 64n) - 1n;
  let hash = 0n;
  for (let p = store.next(0); p >= 0; p = store.next(p + 1)) {
    const h = hashToBigInt(store.hashLoAt(p), store.hashHiAt(p)) & M;
    hash ^= (((h ^ 89869747n) ^ ((h << 16n) & M)) * 3644798167n) & M;
  }
  if (heap.profile.version !== '2.7') {
    hash ^= ((BigInt(store.used) + 1n) * 1927868237n) & M;
    hash ^= (hash >> 11n) ^ (hash >> 25n);
    hash = (hash * 69069n + 907133923n) & M;
  } else {
    hash = (hash * 69069n) & M;
  }
  let signed = BigInt.asIntN(64, hash);
  if (signed === -1n) signed = 590923713n;
  return hashFromBigInt(signed);
}

// ============================================================================================
// Comparison
// ============================================================================================

const OP_SYMBOL = ['<', '<=', '==', '!=', '>', '>='];
const SWAPPED = [CompareOp.GT, CompareOp.GE, CompareOp.EQ, CompareOp.NE, CompareOp.LT, CompareOp.LE] as const;

/** Is `r` a number CPython compares numerically (int, long, bool, float)? */
function isRealNumber(heap: Heap, r: Ref): boolean {
  const k = heap.kind[r]!;
  return k === Kind.INT || k === Kind.BOOL || k === Kind.FLOAT;
}

function numCompare(a: number | bigint, b: number | bigint): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : a === b ? 0 : NaN;
  // Mixed bigint/number: compare exactly.
  if (typeof a === 'number' && !Number.isFinite(a)) return Number.isNaN(a) ? NaN : a > 0 ? 1 : -1;
  if (typeof b === 'number' && !Number.isFinite(b)) return Number.isNaN(b) ? NaN : b > 0 ? -1 : 1;
  const ai = typeof a === 'bigint' ? a : BigInt(Math.trunc(a));
  const bi = typeof b === 'bigint' ? b : BigInt(Math.trunc(b));
  if (ai < bi) return -1;
  if (ai > bi) return 1;
  const af = typeof a === 'number' ? a - Math.trunc(a) : 0;
  const bf = typeof b === 'number' ? b - Math.trunc(b) : 0;
  return af < bf ? -1 : af > bf ? 1 : 0;
}

function cmpResult(c: number, op: CompareOp): boolean {
  if (Number.isNaN(c)) return op === CompareOp.NE;
  switch (op) {
    case CompareOp.LT:
      return c < 0;
    case CompareOp.LE:
      return c <= 0;
    case CompareOp.EQ:
      return c === 0;
    case CompareOp.NE:
      return c !== 0;
    case CompareOp.GT:
      return c > 0;
    default:
      return c >= 0;
  }
}

/**
 * Builtin comparison for builtin kinds. Returns a new ref (a bool) or 0 when the kinds do not
 * compare (the caller then tries slots and fallbacks).
 */
function builtinCompare(heap: Heap, a: Ref, b: Ref, op: CompareOp): Ref {
  const ka = heap.kind[a]!;
  const kb = heap.kind[b]!;
  if (isRealNumber(heap, a) && isRealNumber(heap, b)) {
    const c = numCompare(heap.payload[a] as number | bigint, heap.payload[b] as number | bigint);
    return boolRef(heap, cmpResult(c, op));
  }
  if (ka === Kind.STR && kb === Kind.STR) {
    const sa = heap.payload[a] as string;
    const sb = heap.payload[b] as string;
    return boolRef(heap, cmpResult(sa < sb ? -1 : sa > sb ? 1 : 0, op));
  }
  if (ka === Kind.BYTES && kb === Kind.BYTES) {
    const sa = heap.payload[a] as string;
    const sb = heap.payload[b] as string;
    return boolRef(heap, cmpResult(sa < sb ? -1 : sa > sb ? 1 : 0, op));
  }
  if ((ka === Kind.TUPLE && kb === Kind.TUPLE) || (ka === Kind.LIST && kb === Kind.LIST)) {
    const xa = heap.payload[a] as Ref[];
    const xb = heap.payload[b] as Ref[];
    // Find the first index where the items differ (by identity, then ==).
    let i = 0;
    for (; i < xa.length && i < xb.length; i++) {
      if (!richCompareBool(heap, xa[i]!, xb[i]!, CompareOp.EQ)) break;
      // A list may shrink while its items' __eq__ run.
      if (i >= xa.length || i >= xb.length) break;
    }
    if (i >= xa.length || i >= xb.length) {
      const c = xa.length - xb.length;
      return boolRef(heap, cmpResult(c < 0 ? -1 : c > 0 ? 1 : 0, op));
    }
    if (op === CompareOp.EQ) return boolRef(heap, false);
    if (op === CompareOp.NE) return boolRef(heap, true);
    return richCompare(heap, xa[i]!, xb[i]!, op);
  }
  if (ka === Kind.DICT && kb === Kind.DICT && (op === CompareOp.EQ || op === CompareOp.NE)) {
    const eq = dictsEqual(heap, a, b);
    return boolRef(heap, op === CompareOp.EQ ? eq : !eq);
  }
  if ((ka === Kind.SET || ka === Kind.FROZENSET) && (kb === Kind.SET || kb === Kind.FROZENSET)) {
    const sa = heap.payload[a] as SetStore;
    const sb = heap.payload[b] as SetStore;
    const subset = (x: Ref, y: Ref) => {
      const sx = heap.payload[x] as SetStore;
      const sy = heap.payload[y] as SetStore;
      for (let p = sx.next(0); p >= 0; p = sx.next(p + 1)) {
        if (sy.find(sx.keyAt(p), sx.hashLoAt(p), sx.hashHiAt(p), heap.dictEqFn) < 0) return false;
      }
      return true;
    };
    switch (op) {
      case CompareOp.EQ:
        return boolRef(heap, sa.used === sb.used && subset(a, b));
      case CompareOp.NE:
        return boolRef(heap, !(sa.used === sb.used && subset(a, b)));
      case CompareOp.LE:
        return boolRef(heap, sa.used <= sb.used && subset(a, b));
      case CompareOp.GE:
        return boolRef(heap, sa.used >= sb.used && subset(b, a));
      case CompareOp.LT:
        return boolRef(heap, sa.used < sb.used && subset(a, b));
      default:
        return boolRef(heap, sa.used > sb.used && subset(b, a));
    }
  }
  return 0;
}

function dictsEqual(heap: Heap, a: Ref, b: Ref): boolean {
  const da = (heap.payload[a] as DictData).store;
  const db = (heap.payload[b] as DictData).store;
  if (da.used !== db.used) return false;
  for (let p = da.next(0); p >= 0; p = da.next(p + 1)) {
    const k = da.keyAt(p);
    const v = da.valueAt(p);
    heap.rc[k]++;
    heap.rc[v]++;
    try {
      const q = db.find(k, da.hashLoAt(p), da.hashHiAt(p), heap.dictEqFn);
      if (q < 0) return false;
      if (!richCompareBool(heap, v, db.valueAt(q), CompareOp.EQ)) return false;
    } finally {
      heap.decref(k);
      heap.decref(v);
    }
  }
  return true;
}

function boolRef(heap: Heap, v: boolean): Ref {
  const r = v ? heap.True : heap.False;
  heap.rc[r]++;
  return r;
}

/**
 * `a <op> b` (a new reference), CPython's `PyObject_RichCompare`: a subclass's reflected method
 * first, then `a`'s slot, then `b`'s reflected slot, then the default (identity for `==`/`!=`;
 * TypeError in 3.12 or the 2.7 type-name ordering for the rest).
 *
 * @example
 * ```ts
 * import { Heap, richCompare, newInt, CompareOp } from '@heaplab/heap';
 * const heap = new Heap();
 * richCompare(heap, newInt(heap, 1), newInt(heap, 2), CompareOp.LT) === heap.True; // true
 * ```
 */
export function richCompare(heap: Heap, a: Ref, b: Ref, op: CompareOp): Ref {
  const ta = heap.typ[a]!;
  const tb = heap.typ[b]!;
  const sa = (heap.payload[ta] as TypeData).slots.richcompare;
  const sb = (heap.payload[tb] as TypeData).slots.richcompare;
  let checkedReverse = false;
  if (ta !== tb && sb !== undefined && isSubtype(heap, tb, ta)) {
    checkedReverse = true;
    const r = sb(heap, b, a, SWAPPED[op]!);
    if (r !== heap.NotImplemented) return r;
    heap.decref(r);
  }
  if (sa !== undefined) {
    const r = sa(heap, a, b, op);
    if (r !== heap.NotImplemented) return r;
    heap.decref(r);
  }
  if (!checkedReverse && sb !== undefined) {
    const r = sb(heap, b, a, SWAPPED[op]!);
    if (r !== heap.NotImplemented) return r;
    heap.decref(r);
  }
  const builtin = builtinCompare(heap, a, b, op);
  if (builtin !== 0) return builtin;
  if (op === CompareOp.EQ) return boolRef(heap, a === b);
  if (op === CompareOp.NE) return boolRef(heap, a !== b);
  if (heap.profile.version === '2.7') return boolRef(heap, cmpResult(default3wayCompare27(heap, a, b), op));
  throw heap.newException(
    heap.t.TypeError,
    `'${OP_SYMBOL[op]}' not supported between instances of '${heap.typeName(a)}' and '${heap.typeName(b)}'`,
  );
}

/**
 * Python 2's last-resort ordering (`default_3way_compare`): None is smallest, numbers before
 * everything else, otherwise by type name, then by address.
 */
function default3wayCompare27(heap: Heap, a: Ref, b: Ref): number {
  if (heap.typ[a] === heap.typ[b]) return a < b ? -1 : a > b ? 1 : 0;
  if (a === heap.None) return -1;
  if (b === heap.None) return 1;
  const an = isRealNumber(heap, a) ? '' : heap.typeName(a);
  const bn = isRealNumber(heap, b) ? '' : heap.typeName(b);
  if (an < bn) return -1;
  if (an > bn) return 1;
  return heap.typ[a]! < heap.typ[b]! ? -1 : 1;
}

/**
 * `PyObject_RichCompareBool`: identity implies equality for `==`/`!=` (as containers assume).
 */
export function richCompareBool(heap: Heap, a: Ref, b: Ref, op: CompareOp): boolean {
  if (a === b) {
    if (op === CompareOp.EQ) return true;
    if (op === CompareOp.NE) return false;
  }
  const r = richCompare(heap, a, b, op);
  if (r === heap.True) {
    heap.rc[r]--;
    return true;
  }
  if (r === heap.False) {
    heap.rc[r]--;
    return false;
  }
  try {
    return isTrue(heap, r);
  } finally {
    heap.decref(r);
  }
}

/** Equality as dicts and sets use it (identity already checked by the table). */
export function dictEq(heap: Heap, a: Ref, b: Ref): boolean {
  const ka = heap.kind[a]!;
  const kb = heap.kind[b]!;
  if (ka === Kind.STR && kb === Kind.STR && heap.typ[a] === heap.typ[b] && heap.typ[a] === heap.t.str)
    return heap.payload[a] === heap.payload[b];
  return richCompareBool(heap, a, b, CompareOp.EQ);
}

// ============================================================================================
// Truth, length
// ============================================================================================

/**
 * `bool(obj)`.
 *
 * @example
 * ```ts
 * import { Heap, isTrue, newList } from '@heaplab/heap';
 * const heap = new Heap();
 * isTrue(heap, newList(heap, [])); // false
 * ```
 */
export function isTrue(heap: Heap, r: Ref): boolean {
  if (r === heap.True) return true;
  if (r === heap.False || r === heap.None) return false;
  const td = heap.payload[heap.typ[r]!] as TypeData;
  if (td.slots.bool !== undefined) return td.slots.bool(heap, r);
  switch (heap.kind[r]) {
    case Kind.INT:
    case Kind.BOOL: {
      const v = heap.payload[r] as number | bigint;
      return typeof v === 'bigint' ? v !== 0n : v !== 0;
    }
    case Kind.FLOAT:
      return (heap.payload[r] as number) !== 0;
    case Kind.STR:
    case Kind.BYTES:
      return (heap.payload[r] as string).length > 0;
    case Kind.TUPLE:
    case Kind.LIST:
      return (heap.payload[r] as Ref[]).length > 0;
    case Kind.DICT:
      return (heap.payload[r] as DictData).store.used > 0;
    case Kind.SET:
    case Kind.FROZENSET:
      return (heap.payload[r] as SetStore).used > 0;
  }
  if (td.slots.len !== undefined) return td.slots.len(heap, r) > 0;
  return true;
}

/** `len(obj)`; TypeError if it has no length. */
export function length(heap: Heap, r: Ref): number {
  const td = heap.payload[heap.typ[r]!] as TypeData;
  if (td.slots.len !== undefined) return td.slots.len(heap, r);
  switch (heap.kind[r]) {
    case Kind.STR:
    case Kind.BYTES:
      return (heap.payload[r] as string).length;
    case Kind.TUPLE:
    case Kind.LIST:
      return (heap.payload[r] as Ref[]).length;
    case Kind.DICT:
      return (heap.payload[r] as DictData).store.used;
    case Kind.SET:
    case Kind.FROZENSET:
      return (heap.payload[r] as SetStore).used;
  }
  throw heap.newException(heap.t.TypeError, `object of type '${heap.typeName(r)}' has no len()`);
}

// ============================================================================================
// Types: subtype checks and MRO lookup
// ============================================================================================

/** Is `a` a subtype of `b` (walks `a`'s MRO)? */
export function isSubtype(heap: Heap, a: Ref, b: Ref): boolean {
  if (a === b) return true;
  const td = heap.payload[a] as TypeData;
  const mro = td.mro;
  if (mro !== 0) {
    const items = heap.payload[mro] as Ref[];
    for (let i = 0; i < items.length; i++) if (items[i] === b) return true;
    return false;
  }
  // During bootstrap (no MRO yet): walk tp_base.
  for (let t = td.base; t !== 0; t = (heap.payload[t] as TypeData).base) if (t === b) return true;
  return b === heap.t.object;
}

/** `isinstance(obj, type)` for a single type object (no tuples, no `__instancecheck__`). */
export function isInstance(heap: Heap, obj: Ref, type: Ref): boolean {
  return isSubtype(heap, heap.typ[obj]!, type);
}

/**
 * `_PyType_Lookup`: find `name` along the type's MRO (borrowed ref, 0 if absent), cached until
 * any type namespace changes.
 */
export function typeLookup(heap: Heap, type: Ref, name: string): Ref {
  const td = heap.payload[type] as TypeData;
  if (td.cacheEpoch !== heap.typeEpoch) {
    td.cache.clear();
    td.cacheEpoch = heap.typeEpoch;
  } else {
    const hit = td.cache.get(name);
    if (hit !== undefined) return hit;
  }
  let found = 0;
  const mro = td.mro;
  if (mro !== 0) {
    const items = heap.payload[mro] as Ref[];
    for (let i = 0; i < items.length; i++) {
      const d = (heap.payload[items[i]!] as TypeData).dict;
      if (d === 0) continue;
      const v = dictGetStr(heap, d, name);
      if (v !== 0) {
        found = v;
        break;
      }
    }
  } else if (td.dict !== 0) {
    found = dictGetStr(heap, td.dict, name);
  }
  td.cache.set(name, found);
  return found;
}

/** Does the type's namespace (own, not inherited) define `name`? */
export function typeHasOwn(heap: Heap, type: Ref, name: string): boolean {
  const d = (heap.payload[type] as TypeData).dict;
  return d !== 0 && dictFindStr(heap, d, name) >= 0;
}

/** A data descriptor has a `__set__` (descrSet slot). */
function isDataDescriptor(heap: Heap, descr: Ref): boolean {
  return (heap.payload[heap.typ[descr]!] as TypeData).slots.descrSet !== undefined;
}

// ============================================================================================
// Attributes
// ============================================================================================

/** AttributeError with the profile's wording for `obj`. */
export function attributeError(heap: Heap, obj: Ref, name: string): Error {
  const kind = heap.kind[obj]!;
  if (kind === Kind.TYPE) {
    return heap.newException(heap.t.AttributeError, `type object '${(heap.payload[obj] as TypeData).name}' has no attribute '${name}'`);
  }
  if (kind === Kind.MODULE) {
    const m = heap.payload[obj] as { name: string };
    return heap.newException(heap.t.AttributeError, heap.profile.messages.moduleNoAttribute(m.name, name));
  }
  return heap.newException(heap.t.AttributeError, `'${heap.typeName(obj)}' object has no attribute '${name}'`);
}

/**
 * `getattr(obj, name)`: a new reference, or AttributeError.
 *
 * @example
 * ```ts
 * import { Heap, getAttr, newModule, strValue } from '@heaplab/heap';
 * const heap = new Heap();
 * const m = newModule(heap, 'm');
 * strValue(heap, getAttr(heap, m, '__name__')); // 'm'
 * ```
 */
export function getAttr(heap: Heap, obj: Ref, name: string): Ref {
  const td = heap.payload[heap.typ[obj]!] as TypeData;
  try {
    if (td.slots.getattro !== undefined) return td.slots.getattro(heap, obj, name);
    const r = genericGetAttr(heap, obj, name);
    if (r === 0) throw attributeError(heap, obj, name);
    return r;
  } catch (e) {
    if (heap.profile.attributeErrorContext && e instanceof PyException) attachAttributeErrorContext(heap, e.exc, obj, name);
    throw e;
  }
}

/**
 * 3.x `set_attribute_error_context`: an AttributeError leaving PyObject_GetAttr remembers the
 * attribute name and the object (unless it already names some), whoever raised it — the type's
 * lookup or a user `__getattr__`. Instances of AttributeError subclasses included.
 */
function attachAttributeErrorContext(heap: Heap, exc: Ref, obj: Ref, name: string): void {
  if (heap.kind[exc] !== Kind.EXCEPTION || !isSubtype(heap, heap.typ[exc]!, heap.t.AttributeError)) return;
  const data = heap.payload[exc] as ExceptionData;
  if (data.errName !== 0 || data.errObj !== 0) return;
  data.errName = newStr(heap, name);
  data.errObj = heap.newRef(obj);
}

/** `getattr(obj, name, None)`-like: a new reference, or 0 when the attribute is missing. */
export function getAttrOrNull(heap: Heap, obj: Ref, name: string): Ref {
  const td = heap.payload[heap.typ[obj]!] as TypeData;
  if (td.slots.getattroOrNull !== undefined) return td.slots.getattroOrNull(heap, obj, name);
  if (td.slots.getattro !== undefined) {
    try {
      return td.slots.getattro(heap, obj, name);
    } catch (e) {
      if (heap.isExceptionOf(e, heap.t.AttributeError)) return 0;
      throw e;
    }
  }
  return genericGetAttr(heap, obj, name);
}

/**
 * `PyObject_GenericGetAttr` (and `type_getattro` for type objects): data descriptors on the
 * type win, then the instance's own storage, then non-data descriptors and plain class
 * attributes. Returns 0 instead of raising AttributeError.
 */
export function genericGetAttr(heap: Heap, obj: Ref, name: string): Ref {
  const type = heap.typ[obj]!;
  if (heap.kind[obj] === Kind.TYPE) return typeGetAttr(heap, obj, name);
  const descr = typeLookup(heap, type, name);
  let get: ((heap: Heap, descr: Ref, obj: Ref, type: Ref) => Ref) | undefined;
  if (descr !== 0) {
    const dtd = heap.payload[heap.typ[descr]!] as TypeData;
    get = dtd.slots.descrGet;
    if (get !== undefined && dtd.slots.descrSet !== undefined) return get(heap, descr, obj, type);
  }
  const own = getAttrStorage(heap, obj, name);
  if (own !== 0) {
    heap.rc[own]++;
    return own;
  }
  if (get !== undefined) return get(heap, descr, obj, type);
  if (descr !== 0) {
    heap.rc[descr]++;
    return descr;
  }
  return 0;
}

/** `type_getattro`: metatype data descriptors, then the type's MRO (binding with obj=NULL), then the metatype. */
function typeGetAttr(heap: Heap, type: Ref, name: string): Ref {
  const meta = heap.typ[type]!;
  const metaDescr = typeLookup(heap, meta, name);
  let metaGet: ((heap: Heap, descr: Ref, obj: Ref, type: Ref) => Ref) | undefined;
  if (metaDescr !== 0) {
    const dtd = heap.payload[heap.typ[metaDescr]!] as TypeData;
    metaGet = dtd.slots.descrGet;
    if (metaGet !== undefined && dtd.slots.descrSet !== undefined) return metaGet(heap, metaDescr, type, meta);
  }
  const attr = typeLookup(heap, type, name);
  if (attr !== 0) {
    const get = (heap.payload[heap.typ[attr]!] as TypeData).slots.descrGet;
    if (get !== undefined) return get(heap, attr, 0, type);
    heap.rc[attr]++;
    return attr;
  }
  if (metaGet !== undefined) return metaGet(heap, metaDescr, type, meta);
  if (metaDescr !== 0) {
    heap.rc[metaDescr]++;
    return metaDescr;
  }
  return 0;
}

/**
 * `setattr(obj, name, value)`; `value === 0` means `del obj.name`.
 *
 * @example
 * ```ts
 * import { Heap, setAttr, getAttr, newModule } from '@heaplab/heap';
 * const heap = new Heap();
 * const m = newModule(heap, 'm');
 * setAttr(heap, m, 'x', heap.None);
 * getAttr(heap, m, 'x') === heap.None; // true
 * ```
 */
export function setAttr(heap: Heap, obj: Ref, name: string, value: Ref): void {
  const td = heap.payload[heap.typ[obj]!] as TypeData;
  if (td.slots.setattro !== undefined) {
    td.slots.setattro(heap, obj, name, value);
    return;
  }
  genericSetAttr(heap, obj, name, value);
}

/** `PyObject_GenericSetAttr`: a data descriptor on the type handles it, else the instance storage. */
export function genericSetAttr(heap: Heap, obj: Ref, name: string, value: Ref): void {
  const type = heap.typ[obj]!;
  const descr = typeLookup(heap, type, name);
  if (descr !== 0) {
    const set = (heap.payload[heap.typ[descr]!] as TypeData).slots.descrSet;
    if (set !== undefined) {
      heap.rc[descr]++;
      try {
        set(heap, descr, obj, value);
      } finally {
        heap.decref(descr);
      }
      return;
    }
  }
  const ok = setAttrStorage(heap, obj, name, value);
  if (ok) return;
  if (value === 0) {
    throw heap.newException(heap.t.AttributeError, heap.profile.messages.delAttrMissing(heap.typeName(obj), name, instanceDictState(heap, obj), descr !== 0));
  }
  if (descr !== 0) {
    throw heap.newException(heap.t.AttributeError, `'${heap.typeName(obj)}' object attribute '${name}' is read-only`);
  }
  throw attributeError(heap, obj, name);
}

// ============================================================================================
// Calls
// ============================================================================================

/**
 * Call `callable(*args, **kw)`: positional args then keyword values, `kwnames` naming the
 * trailing keyword values. All arguments borrowed; returns a new reference.
 *
 * @example
 * ```ts
 * import { Heap, call } from '@heaplab/heap';
 * const heap = new Heap();
 * // call(heap, someFunction, [arg1, arg2], null)
 * ```
 */
export function call(heap: Heap, callable: Ref, args: readonly Ref[], kwnames: readonly string[] | null = null): Ref {
  const td = heap.payload[heap.typ[callable]!] as TypeData;
  const slot = td.slots.call;
  if (slot === undefined) throw heap.newException(heap.t.TypeError, heap.profile.messages.notCallable(td.tpName));
  return slot(heap, callable, args, kwnames);
}

/** Is the object callable? */
export function isCallable(heap: Heap, r: Ref): boolean {
  return (heap.payload[heap.typ[r]!] as TypeData).slots.call !== undefined;
}

/** `obj.name(*args)` — new reference. */
export function callMethod(heap: Heap, obj: Ref, name: string, args: readonly Ref[]): Ref {
  const m = getAttr(heap, obj, name);
  try {
    return call(heap, m, args, null);
  } finally {
    heap.decref(m);
  }
}

export { isDataDescriptor, hashFromBigInt };
