/**
 * Comparison operators: the six rich comparisons through the heap's `richCompare` (type slots,
 * builtin orderings, 2.7's default ordering, 3.12's TypeError), identity, and containment
 * (`__contains__`, then iteration) with CPython's messages.
 */
import {
  CompareOp,
  dictEntries,
  dictGetItem,
  type Heap,
  Kind,
  type Ref,
  richCompare,
  richCompareBool,
  newSet,
  setContains,
  setItems,
  setLen,
  type TypeData,
} from '@heaplab/heap';
import { rangeLength } from './subscript.js';
import { callSpecialOrNull, forEach, indexValueOrNull, is27, isUnicode27, pyBool, tpName, typeError } from './util.js';
import { utf8Decode } from './strutil.js';

/** Comparison operator names (the parser's `CmpOpName`). */
export type CompareOpName = 'Eq' | 'NotEq' | 'Lt' | 'LtE' | 'Gt' | 'GtE' | 'Is' | 'IsNot' | 'In' | 'NotIn';

const RICH: Record<string, CompareOp> = {
  Eq: CompareOp.EQ,
  NotEq: CompareOp.NE,
  Lt: CompareOp.LT,
  LtE: CompareOp.LE,
  Gt: CompareOp.GT,
  GtE: CompareOp.GE,
};

/**
 * `a <op> b` (a new reference). Rich comparisons may return any object (a class's `__eq__`
 * result); `is`, `in` and their negations return bools.
 *
 * @example
 * ```ts
 * compareOp(heap, 'In', newInt(heap, 2), toPy(heap, [1, 2])) === heap.True; // true
 * ```
 */
export function compareOp(heap: Heap, op: CompareOpName, a: Ref, b: Ref): Ref {
  switch (op) {
    case 'Is':
      return pyBool(heap, a === b);
    case 'IsNot':
      return pyBool(heap, a !== b);
    case 'In':
      return pyBool(heap, containsOp(heap, b, a));
    case 'NotIn':
      return pyBool(heap, !containsOp(heap, b, a));
  }
  const cop = RICH[op];
  if (cop === undefined) throw new Error(`compareOp: unknown operator ${op}`);
  // Fast path: exact ints.
  if (heap.typ[a] === heap.t.int && heap.typ[b] === heap.t.int) {
    const x = heap.payload[a] as number | bigint;
    const y = heap.payload[b] as number | bigint;
    if (typeof x === 'number' && typeof y === 'number') {
      let r: boolean;
      switch (cop) {
        case CompareOp.LT:
          r = x < y;
          break;
        case CompareOp.LE:
          r = x <= y;
          break;
        case CompareOp.EQ:
          r = x === y;
          break;
        case CompareOp.NE:
          r = x !== y;
          break;
        case CompareOp.GT:
          r = x > y;
          break;
        default:
          r = x >= y;
      }
      return pyBool(heap, r);
    }
  }
  return richCompare(heap, a, b, cop);
}

/**
 * `item in container` as a JS boolean: `__contains__` (a type slot), the builtin containers,
 * then iteration comparing with `==`.
 *
 * @example
 * ```ts
 * containsOp(heap, toPy(heap, 'hello'), toPy(heap, 'ell')); // true
 * ```
 */
export function containsOp(heap: Heap, container: Ref, item: Ref): boolean {
  const td = heap.payload[heap.typ[container]!] as TypeData;
  if (td.slots.contains !== undefined) return td.slots.contains(heap, container, item);
  switch (heap.kind[container]) {
    case Kind.LIST:
    case Kind.TUPLE: {
      const items = heap.payload[container] as Ref[];
      for (let i = 0; i < (heap.payload[container] as Ref[]).length; i++) {
        const x = items[i]!;
        if (x === item) return true;
        heap.incref(x);
        try {
          if (richCompareBool(heap, x, item, CompareOp.EQ)) return true;
        } finally {
          heap.decref(x);
        }
      }
      return false;
    }
    case Kind.DICT:
      return dictGetItem(heap, container, item) !== 0;
    case Kind.SET:
    case Kind.FROZENSET:
      return setContainsKey(heap, container, item);
    case Kind.STR:
      return strContains(heap, container, item);
    case Kind.BYTES:
      return bytesContains(heap, container, item);
    case Kind.RANGE:
      return rangeContains(heap, container, item);
    case Kind.DICTVIEW:
      return dictViewContains(heap, container, item);
    case Kind.MAPPINGPROXY:
      return containsOp(heap, (heap.payload[container] as Ref[])[0]!, item);
  }
  let found = false;
  try {
    forEach(heap, container, (x) => {
      if (x === item || richCompareBool(heap, x, item, CompareOp.EQ)) {
        found = true;
        return false;
      }
      return true;
    });
  } catch (e) {
    if (heap.isExceptionOf(e, heap.t.TypeError) && / object is not iterable$/.test(e.message) && !isIterable(heap, container)) {
      heap.decref(e.exc);
      throw typeError(heap, `argument of type '${tpName(heap, container)}' is not iterable`);
    }
    throw e;
  }
  return found;
}

function isIterable(heap: Heap, r: Ref): boolean {
  const td = heap.payload[heap.typ[r]!] as TypeData;
  return td.slots.iter !== undefined || td.slots.iternext !== undefined || td.slots.getitem !== undefined || heap.kind[r] === Kind.ITERATOR;
}

/**
 * `set.__contains__`: an unhashable set item is retried as a frozenset (CPython's set_contains).
 *
 * @example
 * ```ts
 * setContainsKey(heap, newSet(heap, [newInt(heap, 1)]), newInt(heap, 1)); // true
 * ```
 */
export function setContainsKey(heap: Heap, s: Ref, item: Ref): boolean {
  try {
    return setContains(heap, s, item);
  } catch (e) {
    if (heap.kind[item] === Kind.SET && heap.isExceptionOf(e, heap.t.TypeError)) {
      heap.decref(e.exc);
      const tmp = newSet(heap, setItems(heap, item), true);
      try {
        return setContains(heap, s, tmp);
      } finally {
        heap.decref(tmp);
      }
    }
    throw e;
  }
}

function strContains(heap: Heap, s: Ref, item: Ref): boolean {
  if (heap.kind[item] !== Kind.STR) {
    if (is27(heap)) {
      if (isUnicode27(heap, s)) throw typeError(heap, `coercing to Unicode: need string or buffer, ${tpName(heap, item)} found`);
      throw typeError(heap, `'in <string>' requires string as left operand, not ${tpName(heap, item)}`);
    }
    throw typeError(heap, `'in <string>' requires string as left operand, not ${tpName(heap, item)}`);
  }
  const hay = heap.payload[s] as string;
  let needle = heap.payload[item] as string;
  if (is27(heap) && isUnicode27(heap, s) && !isUnicode27(heap, item)) {
    const d = utf8Decode(needle);
    if (d !== null) needle = d;
  }
  return hay.includes(needle);
}

function bytesContains(heap: Heap, b: Ref, item: Ref): boolean {
  const hay = heap.payload[b] as string;
  if (heap.kind[item] === Kind.BYTES) return hay.includes(heap.payload[item] as string);
  const v = indexValueOrNull(heap, item);
  if (v === null) throw typeError(heap, `a bytes-like object is required, not '${tpName(heap, item)}'`);
  if (typeof v === 'bigint' || v < 0 || v > 255) throw heap.newException(heap.t.ValueError, 'byte must be in range(0, 256)');
  return hay.includes(String.fromCharCode(v));
}

function rangeContains(heap: Heap, r: Ref, item: Ref): boolean {
  const rg = heap.payload[r] as { start: number; stop: number; step: number };
  const k = heap.kind[item];
  if ((k === Kind.INT || k === Kind.BOOL) && (heap.typ[item] === heap.t.int || heap.typ[item] === heap.t.bool || heap.typ[item] === heap.t.long)) {
    const v = Number(heap.payload[item] as number | bigint);
    if (rangeLength(rg) === 0) return false;
    if (rg.step > 0 ? v < rg.start || v >= rg.stop : v > rg.start || v <= rg.stop) return false;
    return (v - rg.start) % rg.step === 0;
  }
  let found = false;
  forEach(heap, r, (x) => {
    if (richCompareBool(heap, x, item, CompareOp.EQ)) {
      found = true;
      return false;
    }
    return true;
  });
  return found;
}

function dictViewContains(heap: Heap, view: Ref, item: Ref): boolean {
  const d = (heap.payload[view] as Ref[])[0]!;
  const vt = heap.typ[view];
  if (vt === heap.t.dict_keys) return dictGetItem(heap, d, item) !== 0;
  if (vt === heap.t.dict_items) {
    if (heap.kind[item] !== Kind.TUPLE || (heap.payload[item] as Ref[]).length !== 2) return false;
    const [k, v] = heap.payload[item] as Ref[];
    const found = dictGetItem(heap, d, k!);
    if (found === 0) return false;
    heap.incref(found);
    try {
      return richCompareBool(heap, found, v!, CompareOp.EQ);
    } finally {
      heap.decref(found);
    }
  }
  let found = false;
  forEach(heap, view, (x) => {
    if (richCompareBool(heap, x, item, CompareOp.EQ)) {
      found = true;
      return false;
    }
    return true;
  });
  return found;
}


// ============================================================================================
// Builtin rich comparison (the `tp_richcompare` of builtin types, without class slots)
// ============================================================================================

function cmpToBool(c: number, op: CompareOp): boolean {
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

function numCmp(a: number | bigint, b: number | bigint): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : a === b ? 0 : NaN;
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

/**
 * The builtin comparison of `self`'s builtin type against `other` (what `int.__eq__`,
 * `list.__lt__`, ... do): a bool, or NotImplemented when `other` is not comparable.
 * Container items are compared with full rich comparison.
 *
 * @example
 * ```ts
 * builtinRich(heap, newInt(heap, 1), newStr(heap, 'a'), CompareOp.EQ) === heap.NotImplemented; // true
 * ```
 */
export function builtinRich(heap: Heap, self: Ref, other: Ref, op: CompareOp): Ref {
  const ka = heap.kind[self];
  const kb = heap.kind[other];
  const isNum = (k: number | undefined) => k === Kind.INT || k === Kind.BOOL || k === Kind.FLOAT;
  if (isNum(ka)) {
    if (!isNum(kb)) return notImplRef(heap);
    if (ka !== Kind.FLOAT && kb === Kind.FLOAT && !heap.profile.hasLongType) {
      // int.__eq__(float) is NotImplemented in 3.x (float's reflected method answers).
      return notImplRef(heap);
    }
    return pyBool(heap, cmpToBool(numCmp(heap.payload[self] as number | bigint, heap.payload[other] as number | bigint), op));
  }
  if (ka === Kind.STR || ka === Kind.BYTES) {
    if (kb !== ka) return notImplRef(heap);
    const x = heap.payload[self] as string;
    const y = heap.payload[other] as string;
    return pyBool(heap, cmpToBool(x < y ? -1 : x > y ? 1 : 0, op));
  }
  if (ka === Kind.LIST || ka === Kind.TUPLE) {
    if (kb !== ka) return notImplRef(heap);
    const xa = heap.payload[self] as Ref[];
    const xb = heap.payload[other] as Ref[];
    let i = 0;
    for (; i < xa.length && i < xb.length; i++) {
      const p = xa[i]!;
      const q = xb[i]!;
      heap.incref(p);
      heap.incref(q);
      try {
        if (!richCompareBool(heap, p, q, CompareOp.EQ)) break;
      } finally {
        heap.decref(p);
        heap.decref(q);
      }
    }
    if (i >= xa.length || i >= xb.length) return pyBool(heap, cmpToBool(xa.length - xb.length, op));
    if (op === CompareOp.EQ) return pyBool(heap, false);
    if (op === CompareOp.NE) return pyBool(heap, true);
    return richCompare(heap, xa[i]!, xb[i]!, op);
  }
  if (ka === Kind.DICT) {
    if (kb !== Kind.DICT || (op !== CompareOp.EQ && op !== CompareOp.NE)) return notImplRef(heap);
    const eq = dictsEqual(heap, self, other);
    return pyBool(heap, op === CompareOp.EQ ? eq : !eq);
  }
  if (ka === Kind.SET || ka === Kind.FROZENSET) {
    if (kb !== Kind.SET && kb !== Kind.FROZENSET) return notImplRef(heap);
    return pyBool(heap, setCompare(heap, self, other, op));
  }
  return notImplRef(heap);
}

function notImplRef(heap: Heap): Ref {
  heap.incref(heap.NotImplemented);
  return heap.NotImplemented;
}

function dictsEqual(heap: Heap, a: Ref, b: Ref): boolean {
  const ea = dictEntries(heap, a);
  if (ea.length !== dictEntries(heap, b).length) return false;
  for (let i = 0; i < ea.length; i += 2) {
    const k = ea[i]!;
    const v = ea[i + 1]!;
    heap.incref(k);
    heap.incref(v);
    try {
      const w = dictGetItem(heap, b, k);
      if (w === 0) return false;
      heap.incref(w);
      try {
        if (!richCompareBool(heap, v, w, CompareOp.EQ)) return false;
      } finally {
        heap.decref(w);
      }
    } finally {
      heap.decref(k);
      heap.decref(v);
    }
  }
  return true;
}

/** Set comparison (subset / superset / equality) of two sets or frozensets. */
function setCompare(heap: Heap, a: Ref, b: Ref, op: CompareOp): boolean {
  const na = setLen(heap, a);
  const nb = setLen(heap, b);
  const subset = (x: Ref, y: Ref): boolean => {
    for (const k of setItems(heap, x)) if (!setContains(heap, y, k)) return false;
    return true;
  };
  switch (op) {
    case CompareOp.EQ:
      return na === nb && subset(a, b);
    case CompareOp.NE:
      return !(na === nb && subset(a, b));
    case CompareOp.LE:
      return na <= nb && subset(a, b);
    case CompareOp.GE:
      return na >= nb && subset(b, a);
    case CompareOp.LT:
      return na < nb && subset(a, b);
    default:
      return na > nb && subset(b, a);
  }
}

/**
 * 2.7 `cmp(a, b)`.
 *
 * @example
 * ```ts
 * cmp27(heap, newInt(heap, 1), newInt(heap, 2)); // -1
 * ```
 */
export function cmp27(heap: Heap, a: Ref, b: Ref): number {
  if (a === b) return 0;
  const r = callSpecialOrNull(heap, a, '__cmp__', [b]);
  if (r !== 0 && r !== heap.NotImplemented) {
    try {
      const v = Number(heap.payload[r] as number);
      return v < 0 ? -1 : v > 0 ? 1 : 0;
    } finally {
      heap.decref(r);
    }
  }
  if (r !== 0) heap.decref(r);
  if (richCompareBool(heap, a, b, CompareOp.EQ)) return 0;
  if (richCompareBool(heap, a, b, CompareOp.LT)) return -1;
  return 1;
}
