/**
 * The abstract-object operations proxies forward (`PyObject_GetItem`, `PySequence_Contains`,
 * `PyNumber_Add`...). The heap provides type slots; an operation here tries the slot, then a
 * dunder method found on the type, then the builtin kinds, and finally raises the TypeError the
 * profile's CPython raises.
 */
import {
  CompareOp,
  Kind,
  type PyException,
  callWithSelf,
  dictDelItem,
  dictGetItem,
  dictSetItem,
  getIter,
  intValue,
  iterNext,
  listSetItem,
  newFloat,
  newInt,
  richCompareBool,
  setContains,
  typeLookup,
  type DictData,
  type Heap,
  type NumberOp,
  type NumberUnaryOp,
  type Ref,
  type SetStore,
} from '@heaplab/heap';
import { pyErrObj } from './util.js';

function dunder(heap: Heap, obj: Ref, name: string): Ref {
  return typeLookup(heap, heap.typ[obj]!, name);
}

function callFound(heap: Heap, f: Ref, obj: Ref, args: readonly Ref[]): Ref {
  heap.incref(f);
  try {
    return callWithSelf(heap, f, obj, args, null);
  } finally {
    heap.decref(f);
  }
}

function seqIndex(heap: Heap, obj: Ref, key: Ref, len: number): number {
  const k = heap.kind[key];
  if (k !== Kind.INT && k !== Kind.BOOL) {
    const what = heap.kind[obj] === Kind.TUPLE ? 'tuple' : 'list';
    throw heap.newException(
      heap.t.TypeError,
      heap.profile.version === '2.7' ? `${what} indices must be integers, not ${heap.typeName(key)}` : `${what} indices must be integers or slices, not ${heap.typeName(key)}`,
    );
  }
  let i = Number(intValue(heap, key));
  if (i < 0) i += len;
  if (i < 0 || i >= len) {
    const what = heap.kind[obj] === Kind.TUPLE ? 'tuple' : 'list';
    throw heap.newException(heap.t.IndexError, `${what} index out of range`);
  }
  return i;
}

/** `obj[key]` (new reference). */
export function getItem(heap: Heap, obj: Ref, key: Ref): Ref {
  const slot = heap.typeOf(obj).slots.getitem;
  if (slot !== undefined) return slot(heap, obj, key);
  const f = dunder(heap, obj, '__getitem__');
  if (f !== 0) return callFound(heap, f, obj, [key]);
  switch (heap.kind[obj]) {
    case Kind.LIST:
    case Kind.TUPLE: {
      const items = heap.payload[obj] as Ref[];
      return heap.newRef(items[seqIndex(heap, obj, key, items.length)]!);
    }
    case Kind.DICT: {
      const v = dictGetItem(heap, obj, key);
      if (v === 0) throw pyErrObj(heap, heap.t.KeyError, key);
      return heap.newRef(v);
    }
  }
  throw heap.newException(
    heap.t.TypeError,
    heap.profile.version === '2.7' ? `'${heap.typeName(obj)}' object does not support indexing` : `'${heap.typeName(obj)}' object is not subscriptable`,
  );
}

/** `obj[key] = value`, or `del obj[key]` when `value` is 0. */
export function setItem(heap: Heap, obj: Ref, key: Ref, value: Ref): void {
  const slot = heap.typeOf(obj).slots.setitem;
  if (slot !== undefined) {
    slot(heap, obj, key, value);
    return;
  }
  const f = dunder(heap, obj, value === 0 ? '__delitem__' : '__setitem__');
  if (f !== 0) {
    heap.decref(callFound(heap, f, obj, value === 0 ? [key] : [key, value]));
    return;
  }
  switch (heap.kind[obj]) {
    case Kind.LIST: {
      const items = heap.payload[obj] as Ref[];
      const i = seqIndex(heap, obj, key, items.length);
      if (value === 0) {
        const [old] = items.splice(i, 1);
        heap.decref(old!);
      } else listSetItem(heap, obj, i, value);
      return;
    }
    case Kind.DICT:
      if (value === 0) {
        if (!dictDelItem(heap, obj, key)) throw pyErrObj(heap, heap.t.KeyError, key);
      } else {
        dictSetItem(heap, obj, key, value);
      }
      return;
  }
  throw heap.newException(
    heap.t.TypeError,
    value === 0 ? `'${heap.typeName(obj)}' object doesn't support item deletion` : `'${heap.typeName(obj)}' object does not support item assignment`,
  );
}

/** `item in obj`. */
export function contains(heap: Heap, obj: Ref, item: Ref): boolean {
  const slot = heap.typeOf(obj).slots.contains;
  if (slot !== undefined) return slot(heap, obj, item);
  const f = dunder(heap, obj, '__contains__');
  if (f !== 0) {
    const r = callFound(heap, f, obj, [item]);
    try {
      return r === heap.True || (r !== heap.False && r !== heap.None && !(heap.kind[r] === Kind.INT && intValue(heap, r) === 0));
    } finally {
      heap.decref(r);
    }
  }
  switch (heap.kind[obj]) {
    case Kind.DICT:
      return dictGetItem(heap, obj, item) !== 0;
    case Kind.SET:
    case Kind.FROZENSET:
      return setContains(heap, obj, item);
    case Kind.STR:
      if (heap.kind[item] === Kind.STR) return (heap.payload[obj] as string).includes(heap.payload[item] as string);
      break;
    case Kind.LIST:
    case Kind.TUPLE: {
      const items = heap.payload[obj] as Ref[];
      for (let i = 0; i < items.length; i++) {
        const x = items[i]!;
        heap.incref(x);
        try {
          if (richCompareBool(heap, x, item, CompareOp.EQ)) return true;
        } finally {
          heap.decref(x);
        }
      }
      return false;
    }
  }
  let it: Ref;
  try {
    it = getIter(heap, obj);
  } catch (e) {
    if (heap.isExceptionOf(e, heap.t.TypeError)) {
      heap.decref((e as PyException).exc);
      throw heap.newException(
        heap.t.TypeError,
        heap.profile.version === '2.7' ? `argument of type '${heap.typeName(obj)}' is not iterable` : `argument of type '${heap.typeName(obj)}' is not iterable`,
      );
    }
    throw e;
  }
  try {
    for (;;) {
      const x = iterNext(heap, it);
      if (x === 0) return false;
      try {
        if (richCompareBool(heap, x, item, CompareOp.EQ)) return true;
      } finally {
        heap.decref(x);
      }
    }
  } finally {
    heap.decref(it);
  }
}

/**
 * Binary operators proxies forward: the heap's number-slot key, the method and reflected method
 * names, and the symbol of CPython's TypeError.
 */
export const BINARY_OPS: readonly (readonly [NumberOp, string, string, string])[] = [
  ['Add', '__add__', '__radd__', '+'],
  ['Sub', '__sub__', '__rsub__', '-'],
  ['Mult', '__mul__', '__rmul__', '*'],
  ['TrueDiv', '__truediv__', '__rtruediv__', '/'],
  ['FloorDiv', '__floordiv__', '__rfloordiv__', '//'],
  ['Mod', '__mod__', '__rmod__', '%'],
  ['DivMod', '__divmod__', '__rdivmod__', 'divmod()'],
  ['Pow', '__pow__', '__rpow__', '** or pow()'],
  ['LShift', '__lshift__', '__rlshift__', '<<'],
  ['RShift', '__rshift__', '__rrshift__', '>>'],
  ['BitAnd', '__and__', '__rand__', '&'],
  ['BitXor', '__xor__', '__rxor__', '^'],
  ['BitOr', '__or__', '__ror__', '|'],
  ['MatMult', '__matmul__', '__rmatmul__', '@'],
  ['Div', '__div__', '__rdiv__', '/'],
];

/** Unary operators proxies forward: the heap's unary-slot key (null: no number slot of that kind), name, symbol. */
export const UNARY_OPS: readonly (readonly [NumberUnaryOp | null, string, string])[] = [
  ['Neg', '__neg__', 'unary -'],
  ['Pos', '__pos__', 'unary +'],
  ['Abs', '__abs__', 'abs()'],
  ['Invert', '__invert__', 'unary ~'],
  [null, '__int__', 'int()'],
  [null, '__float__', 'float()'],
  [null, '__index__', 'index'],
];

const BINARY_BY_OP = new Map(BINARY_OPS.map((e) => [e[0], e] as const));
const UNARY_BY_OP = new Map(UNARY_OPS.filter((e) => e[0] !== null).map((e) => [e[0]!, e] as const));

/**
 * `PyNumber_Add(v, w)` and the other binary operators (new reference): the runtime's operator
 * protocol when one is installed on the heap (`heap.numberOps`), else the dunder-based fallback.
 */
export function numberBinary(heap: Heap, op: NumberOp, v: Ref, w: Ref): Ref {
  if (heap.numberOps !== null) return heap.numberOps.binary(heap, op, v, w);
  const [, name, rname, symbol] = BINARY_BY_OP.get(op)!;
  return binaryOp(heap, v, w, name, rname, symbol);
}

/** `PyNumber_InPlaceAdd(v, w)` and the other in-place operators (new reference). */
export function numberInplace(heap: Heap, op: NumberOp, v: Ref, w: Ref): Ref {
  if (heap.numberOps !== null) return heap.numberOps.inplace(heap, op, v, w);
  const [, name, rname, symbol] = BINARY_BY_OP.get(op)!;
  const f = dunder(heap, v, `__i${name.slice(2)}`);
  if (f !== 0) {
    const r = callFound(heap, f, v, [w]);
    if (r !== heap.NotImplemented) return r;
    heap.decref(r);
  }
  return binaryOp(heap, v, w, name, rname, symbol);
}

/** `PyNumber_Power(v, w, z)`, `pow()` with a modulus `z` (None: none), as a new reference. */
export function numberPower(heap: Heap, v: Ref, w: Ref, z: Ref): Ref {
  if (z === heap.None) return numberBinary(heap, 'Pow', v, w);
  if (heap.numberOps !== null) return heap.numberOps.power(heap, v, w, z);
  const f = dunder(heap, v, '__pow__');
  if (f !== 0) {
    const r = callFound(heap, f, v, [w, z]);
    if (r !== heap.NotImplemented) return r;
    heap.decref(r);
  }
  throw heap.newException(
    heap.t.TypeError,
    `unsupported operand type(s) for ** or pow(): '${heap.typeName(v)}', '${heap.typeName(w)}', '${heap.typeName(z)}'`,
  );
}

/** `PyNumber_Negative(v)` and the other unary operators (new reference). */
export function numberUnary(heap: Heap, op: NumberUnaryOp, v: Ref): Ref {
  if (heap.numberOps !== null) return heap.numberOps.unary(heap, op, v);
  const [, name, symbol] = UNARY_BY_OP.get(op)!;
  return unaryOp(heap, v, name, symbol);
}

function num(heap: Heap, r: Ref): number | bigint | null {
  const k = heap.kind[r];
  if (k === Kind.INT || k === Kind.BOOL) return intValue(heap, r);
  if (k === Kind.FLOAT) return heap.payload[r] as number;
  return null;
}

/** Arithmetic on builtin numbers for profiles whose int/float types carry no dunders yet. */
function numericFallback(heap: Heap, name: string, a: Ref, b: Ref): Ref {
  const x = num(heap, a);
  const y = num(heap, b);
  if (x === null || y === null) return 0;
  const isFloat = heap.kind[a] === Kind.FLOAT || heap.kind[b] === Kind.FLOAT;
  if (!isFloat) {
    const bx = BigInt(x);
    const by = BigInt(y);
    switch (name) {
      case '__add__':
        return newInt(heap, bx + by);
      case '__sub__':
        return newInt(heap, bx - by);
      case '__mul__':
        return newInt(heap, bx * by);
      case '__and__':
        return newInt(heap, bx & by);
      case '__or__':
        return newInt(heap, bx | by);
      case '__xor__':
        return newInt(heap, bx ^ by);
      case '__lshift__':
        return by >= 0n ? newInt(heap, bx << by) : 0;
      case '__rshift__':
        return by >= 0n ? newInt(heap, bx >> by) : 0;
      case '__floordiv__':
      case '__mod__': {
        if (by === 0n) throw heap.newException(heap.t.ZeroDivisionError, 'integer division or modulo by zero');
        let q = bx / by;
        if ((bx % by !== 0n) && ((bx < 0n) !== (by < 0n))) q -= 1n;
        return newInt(heap, name === '__mod__' ? bx - q * by : q);
      }
    }
  }
  const fx = Number(x);
  const fy = Number(y);
  switch (name) {
    case '__add__':
      return newFloat(heap, fx + fy);
    case '__sub__':
      return newFloat(heap, fx - fy);
    case '__mul__':
      return newFloat(heap, fx * fy);
    case '__truediv__':
      if (fy === 0) throw heap.newException(heap.t.ZeroDivisionError, 'float division by zero');
      return newFloat(heap, fx / fy);
  }
  return 0;
}

/** `a <op> b` through `type(a).__op__` then `type(b).__rop__` (new reference). */
export function binaryOp(heap: Heap, a: Ref, b: Ref, name: string, rname: string, symbol: string): Ref {
  const f = dunder(heap, a, name);
  if (f !== 0) {
    const r = callFound(heap, f, a, [b]);
    if (r !== heap.NotImplemented) return r;
    heap.decref(r);
  }
  const g = dunder(heap, b, rname);
  if (g !== 0 && heap.typ[a] !== heap.typ[b]) {
    const r = callFound(heap, g, b, [a]);
    if (r !== heap.NotImplemented) return r;
    heap.decref(r);
  }
  const fb = numericFallback(heap, name, a, b);
  if (fb !== 0) return fb;
  throw heap.newException(heap.t.TypeError, `unsupported operand type(s) for ${symbol}: '${heap.typeName(a)}' and '${heap.typeName(b)}'`);
}

/** `op(a)` through `type(a).__op__` (new reference). */
export function unaryOp(heap: Heap, a: Ref, name: string, symbol: string): Ref {
  const f = dunder(heap, a, name);
  if (f !== 0) return callFound(heap, f, a, []);
  const x = num(heap, a);
  if (x !== null) {
    const isFloat = heap.kind[a] === Kind.FLOAT;
    switch (name) {
      case '__neg__':
        return isFloat ? newFloat(heap, -(x as number)) : newInt(heap, -BigInt(x));
      case '__pos__':
        return isFloat ? newFloat(heap, x as number) : newInt(heap, BigInt(x));
      case '__abs__':
        return isFloat ? newFloat(heap, Math.abs(x as number)) : newInt(heap, BigInt(x) < 0n ? -BigInt(x) : BigInt(x));
      case '__invert__':
        if (!isFloat) return newInt(heap, -BigInt(x) - 1n);
        break;
      case '__int__':
      case '__index__':
        if (!isFloat) return newInt(heap, BigInt(x));
        if (name === '__int__') return newInt(heap, BigInt(Math.trunc(x as number)));
        break;
      case '__float__':
        return newFloat(heap, Number(x));
    }
  }
  throw heap.newException(heap.t.TypeError, `bad operand type for ${symbol}: '${heap.typeName(a)}'`);
}

/** Members of a set object (borrowed), for quick copies. */
export function setMembers(heap: Heap, s: Ref): Ref[] {
  const store = heap.payload[s] as SetStore;
  const out: Ref[] = [];
  for (let p = store.next(0); p >= 0; p = store.next(p + 1)) out.push(store.keyAt(p));
  return out;
}

/** Entries of a dict object as `[k0, v0, k1, v1...]` (borrowed). */
export function dictPairs(heap: Heap, d: Ref): Ref[] {
  const store = (heap.payload[d] as DictData).store;
  const out: Ref[] = [];
  for (let p = store.next(0); p >= 0; p = store.next(p + 1)) out.push(store.keyAt(p), store.valueAt(p));
  return out;
}
