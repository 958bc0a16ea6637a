/**
 * Binary, in-place and unary operators with CPython's dispatch rules (`Objects/abstract.c`'s
 * `binary_op1`, `binary_iop1`, `PyNumber_Add`/`Multiply` sequence fallbacks, and the
 * `SLOT1BINFULL` dispatcher of `typeobject.c` for classes defining `__add__`/`__radd__`), and the
 * number slots of int, bool, float and complex (2.7 int→long promotion, classic division,
 * ZeroDivisionError texts per version).
 */
import {
  defineMethod,
  dictFindStr,
  type Heap,
  isSubtype,
  isTrue,
  Kind,
  newBool,
  newFloat,
  newInt,
  newLong,
  newTuple,
  type Ref,
  typeLookup,
  TypeFlag,
  type TypeData,
  type BuiltinData,
  type NumberOps,
} from '@heaplab/heap';
import * as A from './arith.js';
import { libState, type NbFn, type NbOp, type UnFn, type UnOp, registerNb, registerUnary } from './state.js';
import {
  callSpecialOrNull,
  checkArity,
  indexValueOrNull,
  type IntV,
  is27,
  newRef,
  notImpl,
  pyBool,
  pyErr,
  pyErrNoArgs,
  tpName,
  typeError,
} from './util.js';

/** Binary operator names accepted by `binaryOp` (the parser's `OperatorName`, plus 2.7's `TrueDiv`). */
export type BinaryOpName = Exclude<NbOp, 'DivMod'>;

/** Unary operator names (the parser's `UnaryOpName`). */
export type UnaryOpName = 'USub' | 'UAdd' | 'Invert' | 'Not';

const SYMBOL: Record<NbOp, string> = {
  Add: '+',
  Sub: '-',
  Mult: '*',
  MatMult: '@',
  Div: '/',
  TrueDiv: '/',
  FloorDiv: '//',
  Mod: '%',
  DivMod: 'divmod()',
  Pow: '** or pow()',
  LShift: '<<',
  RShift: '>>',
  BitOr: '|',
  BitXor: '^',
  BitAnd: '&',
};

const INPLACE_SYMBOL: Record<NbOp, string> = {
  Add: '+=',
  Sub: '-=',
  Mult: '*=',
  MatMult: '@=',
  Div: '/=',
  TrueDiv: '/=',
  FloorDiv: '//=',
  Mod: '%=',
  DivMod: 'divmod()',
  Pow: '**=',
  LShift: '<<=',
  RShift: '>>=',
  BitOr: '|=',
  BitXor: '^=',
  BitAnd: '&=',
};

/** Dunder stem per op: `__add__`, `__radd__`, `__iadd__`. */
const STEM: Record<NbOp, string> = {
  Add: 'add',
  Sub: 'sub',
  Mult: 'mul',
  MatMult: 'matmul',
  Div: 'div',
  TrueDiv: 'truediv',
  FloorDiv: 'floordiv',
  Mod: 'mod',
  DivMod: 'divmod',
  Pow: 'pow',
  LShift: 'lshift',
  RShift: 'rshift',
  BitOr: 'or',
  BitXor: 'xor',
  BitAnd: 'and',
};

/** `__add__`-style names of an op. */
function dunderNames(op: NbOp): { name: string; rname: string; iname: string } {
  const s = STEM[op];
  return { name: `__${s}__`, rname: `__r${s}__`, iname: `__i${s}__` };
}

const UNARY_DUNDER: Record<UnOp, string> = { Neg: '__neg__', Pos: '__pos__', Invert: '__invert__', Abs: '__abs__' };

/** Map the parser's op name to the internal op (3.12 `/` is true division). */
function internalOp(heap: Heap, op: BinaryOpName): NbOp {
  if (op === 'Div' && !is27(heap)) return 'TrueDiv';
  return op;
}

// ============================================================================================
// Slot resolution
// ============================================================================================

const slotDispatchers = new Map<NbOp, NbFn>();
const inplaceDispatchers = new Map<NbOp, NbFn>();

/** The class-level dispatcher for `op` (the same function object for every class: slot identity). */
function slotDispatcher(op: NbOp): NbFn {
  let f = slotDispatchers.get(op);
  if (f === undefined) {
    const { name, rname } = dunderNames(op);
    f = (heap, v, w) => slotBinary(heap, op, name, rname, v, w);
    slotDispatchers.set(op, f);
  }
  return f;
}

function inplaceDispatcher(op: NbOp): NbFn {
  let f = inplaceDispatchers.get(op);
  if (f === undefined) {
    const { iname } = dunderNames(op);
    f = (heap, v, w) => {
      const r = callSpecialOrNull(heap, v, iname, [w]);
      return r === 0 ? notImpl(heap) : r;
    };
    inplaceDispatchers.set(op, f);
  }
  return f;
}

function dictHas(heap: Heap, type: Ref, name: string): boolean {
  const d = (heap.payload[type] as TypeData).dict;
  return d !== 0 && dictFindStr(heap, d, name) >= 0;
}

function mroOf(heap: Heap, type: Ref): readonly Ref[] {
  const mro = (heap.payload[type] as TypeData).mro;
  return mro === 0 ? [type] : (heap.payload[mro] as Ref[]);
}

/** The binary number slot of `type` for `op` (CPython's `tp_as_number->nb_*`), or undefined. */
function nbSlotFor(heap: Heap, type: Ref, op: NbOp): NbFn | undefined {
  if (type === heap.t.instance && type !== 0) return slotDispatcher(op);
  const st = libState(heap);
  const { name, rname } = dunderNames(op);
  for (const t of mroOf(heap, type)) {
    const td = heap.payload[t] as TypeData;
    if ((td.tflags & TypeFlag.HEAPTYPE) !== 0) {
      if (dictHas(heap, t, name) || dictHas(heap, t, rname)) return slotDispatcher(op);
    } else {
      const f = st.nb.get(t)?.[op] ?? td.slots.nb?.[op];
      if (f !== undefined) return f;
    }
  }
  return undefined;
}

function inplaceSlotFor(heap: Heap, type: Ref, op: NbOp): NbFn | undefined {
  if (type === heap.t.instance && type !== 0) return inplaceDispatcher(op);
  const st = libState(heap);
  const { iname } = dunderNames(op);
  for (const t of mroOf(heap, type)) {
    const td = heap.payload[t] as TypeData;
    if ((td.tflags & TypeFlag.HEAPTYPE) !== 0) {
      if (dictHas(heap, t, iname)) return inplaceDispatcher(op);
    } else {
      const f = st.inb.get(t)?.[op] ?? td.slots.nbInplace?.[op];
      if (f !== undefined) return f;
    }
  }
  return undefined;
}

function unarySlotFor(heap: Heap, type: Ref, op: UnOp): UnFn | undefined {
  const st = libState(heap);
  const name = UNARY_DUNDER[op];
  if (type === heap.t.instance && type !== 0) return (h, v) => callOrThrowUnary(h, v, name, op);
  for (const t of mroOf(heap, type)) {
    const td = heap.payload[t] as TypeData;
    if ((td.tflags & TypeFlag.HEAPTYPE) !== 0) {
      if (dictHas(heap, t, name)) return (h, v) => callOrThrowUnary(h, v, name, op);
    } else {
      const f = st.un.get(t)?.[op] ?? td.slots.nbUnary?.[op];
      if (f !== undefined) return f;
    }
  }
  return undefined;
}

function callOrThrowUnary(heap: Heap, v: Ref, name: string, op: UnOp): Ref {
  const r = callSpecialOrNull(heap, v, name, []);
  if (r === 0) throw unaryError(heap, op, v);
  return r;
}

/** The sequence slots of a type (inherited along the MRO from builtin types). */
function seqSlotsFor(heap: Heap, type: Ref) {
  const st = libState(heap);
  for (const t of mroOf(heap, type)) {
    const s = st.sq.get(t);
    if (s !== undefined) return s;
  }
  return undefined;
}

/** `method_is_overloaded(left, right, name)`: does `right` resolve `name` differently from `left`? */
function methodIsOverloaded(heap: Heap, left: Ref, right: Ref, name: string): boolean {
  const a = typeLookup(heap, right, name);
  if (a === 0) return false;
  const b = typeLookup(heap, left, name);
  if (b === 0) return true;
  return a !== b;
}

/** `vectorcall_maybe`: call `type(self).name(self, other)` or return NotImplemented. */
function callMaybe(heap: Heap, self: Ref, name: string, other: Ref): Ref {
  const r = callSpecialOrNull(heap, self, name, [other]);
  return r === 0 ? notImpl(heap) : r;
}

/** `SLOT1BINFULL`: the number slot of classes that define `__op__` or `__rop__`. */
function slotBinary(heap: Heap, op: NbOp, name: string, rname: string, self: Ref, other: Ref): Ref {
  const ts = heap.typ[self]!;
  const to = heap.typ[other]!;
  const mine = slotDispatcher(op);
  let doOther = ts !== to && nbSlotFor(heap, to, op) === mine;
  if (nbSlotFor(heap, ts, op) === mine) {
    if (doOther && isSubtype(heap, to, ts) && methodIsOverloaded(heap, ts, to, rname)) {
      const r = callMaybe(heap, other, rname, self);
      if (r !== heap.NotImplemented) return r;
      heap.decref(r);
      doOther = false;
    }
    const r = callMaybe(heap, self, name, other);
    if (r !== heap.NotImplemented || to === ts) return r;
    heap.decref(r);
  }
  if (doOther) return callMaybe(heap, other, rname, self);
  return notImpl(heap);
}

// ============================================================================================
// The operators
// ============================================================================================

/** `binary_op1`: try the left operand's slot, the right's (a subclass's first); NotImplemented if neither applies. */
function binaryOp1(heap: Heap, op: NbOp, v: Ref, w: Ref): Ref {
  const tv = heap.typ[v]!;
  const tw = heap.typ[w]!;
  const slotv = nbSlotFor(heap, tv, op);
  let slotw = tw !== tv ? nbSlotFor(heap, tw, op) : undefined;
  if (slotw === slotv) slotw = undefined;
  if (slotv !== undefined) {
    if (slotw !== undefined && isSubtype(heap, tw, tv)) {
      const x = slotw(heap, v, w);
      if (x !== heap.NotImplemented) return x;
      heap.decref(x);
      slotw = undefined;
    }
    const x = slotv(heap, v, w);
    if (x !== heap.NotImplemented) return x;
    heap.decref(x);
  }
  if (slotw !== undefined) return slotw(heap, v, w);
  return notImpl(heap);
}

function binopTypeError(heap: Heap, op: NbOp, v: Ref, w: Ref, inplace: boolean): Error {
  const sym = inplace ? INPLACE_SYMBOL[op] : SYMBOL[op];
  let msg = `unsupported operand type(s) for ${sym}: '${tpName(heap, v)}' and '${tpName(heap, w)}'`;
  if (!is27(heap) && op === 'RShift' && !inplace && heap.kind[v] === Kind.BUILTIN && (heap.payload[v] as BuiltinData).name === 'print') {
    msg += '. Did you mean "print(<message>, file=<output_stream>)"?';
  }
  return typeError(heap, msg);
}

/** `sequence_repeat`: the count must be an integer. */
function sequenceRepeat(heap: Heap, f: (heap: Heap, seq: Ref, n: number) => Ref, seq: Ref, n: Ref): Ref {
  const iv = indexValueOrNull(heap, n);
  if (iv === null) throw typeError(heap, `can't multiply sequence by non-int of type '${tpName(heap, n)}'`);
  if (typeof iv === 'bigint') {
    if (iv < 0n) return f(heap, seq, 0);
    throw pyErr(heap, heap.t.OverflowError, is27(heap) ? "cannot fit 'long' into an index-sized integer" : "cannot fit 'int' into an index-sized integer");
  }
  return f(heap, seq, iv);
}

/**
 * `a <op> b` (a new reference) with Python's full operator semantics: number slots of builtin
 * types, `__op__`/`__rop__` of classes (a subclass's reflected method first), NotImplemented,
 * sequence concatenation and repetition, and CPython's TypeError texts per version. `op` is the
 * parser's operator name; `'TrueDiv'` is 2.7's `/` under `from __future__ import division`.
 *
 * @example
 * ```ts
 * import { Heap, newInt, reprOf } from '@heaplab/heap';
 * const heap = new Heap({ version: '2.7' });
 * installBuiltinTypes(heap, hooks);
 * reprOf(heap, binaryOp(heap, 'Div', newInt(heap, 7), newInt(heap, 2))); // '3' (classic division)
 * ```
 */
export function binaryOp(heap: Heap, op: BinaryOpName, a: Ref, b: Ref): Ref {
  const iop = internalOp(heap, op);
  const fast = fastBinary(heap, iop, a, b);
  if (fast !== 0) return fast;
  const r = binaryOp1(heap, iop, a, b);
  if (r !== heap.NotImplemented) return r;
  heap.decref(r);
  if (iop === 'Add') {
    const sq = seqSlotsFor(heap, heap.typ[a]!);
    if (sq?.concat !== undefined) return sq.concat(heap, a, b);
  } else if (iop === 'Mult') {
    const sv = seqSlotsFor(heap, heap.typ[a]!);
    if (sv?.repeat !== undefined) return sequenceRepeat(heap, sv.repeat, a, b);
    const sw = seqSlotsFor(heap, heap.typ[b]!);
    if (sw?.repeat !== undefined) return sequenceRepeat(heap, sw.repeat, b, a);
  }
  throw binopTypeError(heap, iop, a, b, false);
}

/**
 * `a <op>= b` (a new reference: the object to rebind the target to): `__iop__` first, then the
 * binary operator; lists extend in place.
 *
 * @example
 * ```ts
 * const l = toPy(heap, [1]);
 * const r = inplaceOp(heap, 'Add', l, toPy(heap, [2])); // r === l, now [1, 2]
 * ```
 */
export function inplaceOp(heap: Heap, op: BinaryOpName, a: Ref, b: Ref): Ref {
  const iop = internalOp(heap, op);
  const k = heap.kind[a];
  // Immutable builtins: same as the binary operator.
  if (k === Kind.INT || k === Kind.FLOAT || k === Kind.BOOL) {
    const fast = fastBinary(heap, iop, a, b);
    if (fast !== 0) return fast;
  }
  const islot = inplaceSlotFor(heap, heap.typ[a]!, iop);
  if (islot !== undefined) {
    const x = islot(heap, a, b);
    if (x !== heap.NotImplemented) return x;
    heap.decref(x);
  }
  const r = binaryOp1(heap, iop, a, b);
  if (r !== heap.NotImplemented) return r;
  heap.decref(r);
  if (iop === 'Add') {
    const sq = seqSlotsFor(heap, heap.typ[a]!);
    const f = sq?.inplaceConcat ?? sq?.concat;
    if (f !== undefined) return f(heap, a, b);
  } else if (iop === 'Mult') {
    const sv = seqSlotsFor(heap, heap.typ[a]!);
    if (sv !== undefined) {
      const f = sv.inplaceRepeat ?? sv.repeat;
      if (f !== undefined) return sequenceRepeat(heap, f, a, b);
    } else {
      const sw = seqSlotsFor(heap, heap.typ[b]!);
      if (sw?.repeat !== undefined) return sequenceRepeat(heap, sw.repeat, b, a);
    }
  }
  throw binopTypeError(heap, iop, a, b, true);
}

/**
 * `divmod(a, b)` (new reference).
 *
 * @example
 * ```ts
 * reprOf(heap, divmodOp(heap, newInt(heap, -7), newInt(heap, 2))); // '(-4, 1)'
 * ```
 */
export function divmodOp(heap: Heap, a: Ref, b: Ref): Ref {
  const r = binaryOp1(heap, 'DivMod', a, b);
  if (r !== heap.NotImplemented) return r;
  heap.decref(r);
  throw binopTypeError(heap, 'DivMod', a, b, false);
}

/**
 * `pow(a, b, m)` with a modulus (new reference).
 *
 * @example
 * ```ts
 * reprOf(heap, ternaryPow(heap, newInt(heap, 2), newInt(heap, 10), newInt(heap, 1000))); // '24'
 * ```
 */
export function ternaryPow(heap: Heap, a: Ref, b: Ref, m: Ref): Ref {
  if (m === heap.None) return binaryOp(heap, 'Pow', a, b);
  const allInt = [a, b, m].every((x) => heap.kind[x] === Kind.INT || heap.kind[x] === Kind.BOOL);
  if (allInt) {
    const av = heap.payload[a] as IntV;
    let bv = heap.payload[b] as IntV;
    const mv = heap.payload[m] as IntV;
    if (A.isZero(mv)) throw pyErr(heap, heap.t.ValueError, 'pow() 3rd argument cannot be 0');
    let base: IntV = av;
    if (A.sign(bv) < 0) {
      if (is27(heap)) throw typeError(heap, 'pow() 2nd argument cannot be negative when 3rd argument specified');
      // 3.8+: modular inverse.
      const inv = modInverse(A.big(av), A.big(mv));
      if (inv === null) throw pyErr(heap, heap.t.ValueError, 'base is not invertible for the given modulus');
      base = A.norm(inv);
      bv = A.neg(bv);
    }
    const r = A.powmod(base, bv, mv);
    const long = isLong(heap, a) || isLong(heap, b) || isLong(heap, m);
    return long ? newLong(heap, r) : newInt(heap, r);
  }
  // Classes: __pow__(self, other, mod), then __rpow__ is not tried for 3 arguments (CPython).
  const r = callSpecialOrNull(heap, a, '__pow__', [b, m]);
  if (r !== 0 && r !== heap.NotImplemented) return r;
  if (r !== 0) heap.decref(r);
  if (heap.kind[a] === Kind.FLOAT || heap.kind[b] === Kind.FLOAT) {
    throw typeError(heap, is27(heap) ? 'pow() 3rd argument not allowed unless all arguments are integers' : 'pow() 3rd argument not allowed unless all arguments are integers');
  }
  throw typeError(heap, `unsupported operand type(s) for ** or pow(): '${tpName(heap, a)}', '${tpName(heap, b)}', '${tpName(heap, m)}'`);
}

function modInverse(a: bigint, m: bigint): bigint | null {
  const M = m < 0n ? -m : m;
  let [oldR, r] = [((a % M) + M) % M, M];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) return null;
  return ((oldS % M) + M) % M;
}

function unaryError(heap: Heap, op: UnOp, v: Ref): Error {
  if (op === 'Abs') return typeError(heap, `bad operand type for abs(): '${tpName(heap, v)}'`);
  const sym = op === 'Neg' ? '-' : op === 'Pos' ? '+' : '~';
  return typeError(heap, `bad operand type for unary ${sym}: '${tpName(heap, v)}'`);
}

/**
 * Apply a unary number slot (`Neg`, `Pos`, `Invert`, `Abs`); TypeError if the type has none.
 *
 * @example
 * ```ts
 * reprOf(heap, unaryNumber(heap, 'Abs', newInt(heap, -3))); // '3'
 * ```
 */
export function unaryNumber(heap: Heap, op: UnOp, v: Ref): Ref {
  const f = unarySlotFor(heap, heap.typ[v]!, op);
  if (f === undefined) throw unaryError(heap, op, v);
  return f(heap, v);
}

/**
 * `-a`, `+a`, `~a`, `not a` (a new reference).
 *
 * @example
 * ```ts
 * reprOf(heap, unaryOp(heap, 'USub', newInt(heap, 5))); // '-5'
 * ```
 */
export function unaryOp(heap: Heap, op: UnaryOpName, a: Ref): Ref {
  if (op === 'Not') return pyBool(heap, !isTrue(heap, a));
  const k = heap.kind[a];
  const exactInt = k === Kind.INT && heap.typ[a] === heap.t.int;
  if (exactInt) {
    const v = heap.payload[a] as IntV;
    if (op === 'USub') return newInt(heap, A.neg(v));
    if (op === 'UAdd') return newRef(heap, a);
    return newInt(heap, A.invert(v));
  }
  if (k === Kind.FLOAT && heap.typ[a] === heap.t.float) {
    const v = heap.payload[a] as number;
    if (op === 'USub') return newFloat(heap, -v);
    if (op === 'UAdd') return newRef(heap, a);
  }
  return unaryNumber(heap, op === 'USub' ? 'Neg' : op === 'UAdd' ? 'Pos' : 'Invert', a);
}

// ============================================================================================
// int / bool / float / complex number slots
// ============================================================================================

/**
 * Is `r` a 2.7 long (or subclass)?
 *
 * @example
 * ```ts
 * isLong(heap, newLong(heap, 1)); // true in 2.7
 * ```
 */
export function isLong(heap: Heap, r: Ref): boolean {
  const t = heap.t;
  if (t.long === t.int) return false;
  const ty = heap.typ[r]!;
  return ty === t.long || (ty !== t.int && heap.kind[r] === Kind.INT && isSubtype(heap, ty, t.long));
}

function intRes(heap: Heap, v: Ref, w: Ref, r: IntV): Ref {
  if (heap.profile.hasLongType && (isLong(heap, v) || isLong(heap, w))) return newLong(heap, r);
  return newInt(heap, r);
}

function zeroDiv(heap: Heap, msg: string): Error {
  return pyErr(heap, heap.t.ZeroDivisionError, msg);
}

function intZeroDivMsg(heap: Heap, op: NbOp, v: Ref, w: Ref): string {
  if (is27(heap)) {
    if (op === 'TrueDiv') return 'division by zero';
    return isLong(heap, v) || isLong(heap, w) ? 'long division or modulo by zero' : 'integer division or modulo by zero';
  }
  if (op === 'TrueDiv') return 'division by zero';
  if (op === 'Mod') return 'integer modulo by zero';
  return 'integer division or modulo by zero';
}

function intToFloatOrThrow(heap: Heap, v: IntV): number {
  const f = A.toFloat(v);
  if (f === null) throw pyErr(heap, heap.t.OverflowError, is27(heap) ? 'long int too large to convert to float' : 'int too large to convert to float');
  return f;
}

/** Integer binary op on int values, or NotImplemented for other operand types. */
function intBinary(heap: Heap, op: NbOp, v: Ref, w: Ref): Ref {
  const kv = heap.kind[v];
  const kw = heap.kind[w];
  if ((kv !== Kind.INT && kv !== Kind.BOOL) || (kw !== Kind.INT && kw !== Kind.BOOL)) return notImpl(heap);
  const a = heap.payload[v] as IntV;
  const b = heap.payload[w] as IntV;
  switch (op) {
    case 'Add':
      return intRes(heap, v, w, A.add(a, b));
    case 'Sub':
      return intRes(heap, v, w, A.sub(a, b));
    case 'Mult':
      return intRes(heap, v, w, A.mul(a, b));
    case 'Div':
    case 'FloorDiv':
      if (A.isZero(b)) throw zeroDiv(heap, intZeroDivMsg(heap, op, v, w));
      return intRes(heap, v, w, A.floordiv(a, b));
    case 'Mod':
      if (A.isZero(b)) throw zeroDiv(heap, intZeroDivMsg(heap, op, v, w));
      return intRes(heap, v, w, A.mod(a, b));
    case 'DivMod': {
      if (A.isZero(b)) throw zeroDiv(heap, intZeroDivMsg(heap, op, v, w));
      const q = intRes(heap, v, w, A.floordiv(a, b));
      const r = intRes(heap, v, w, A.mod(a, b));
      const t = newTuple(heap, [q, r]);
      heap.decref(q);
      heap.decref(r);
      return t;
    }
    case 'TrueDiv': {
      if (A.isZero(b)) throw zeroDiv(heap, intZeroDivMsg(heap, op, v, w));
      const f = A.trueDiv(a, b);
      if (f === null) throw pyErr(heap, heap.t.OverflowError, 'integer division result too large for a float');
      return newFloat(heap, f);
    }
    case 'Pow': {
      if (A.sign(b) < 0) {
        if (A.isZero(a)) throw zeroDiv(heap, '0.0 cannot be raised to a negative power');
        return floatBinaryValues(heap, 'Pow', intToFloatOrThrow(heap, a), intToFloatOrThrow(heap, b));
      }
      if (typeof b === 'bigint' && A.cmp(A.abs(a), 1) > 0) throw pyErrNoArgs(heap, heap.t.MemoryError);
      if (typeof b === 'number' && b > 1e7 && A.cmp(A.abs(a), 1) > 0) throw pyErrNoArgs(heap, heap.t.MemoryError);
      return intRes(heap, v, w, A.pow(a, b));
    }
    case 'LShift': {
      if (A.sign(b) < 0) throw pyErr(heap, heap.t.ValueError, 'negative shift count');
      if (A.isZero(a)) return intRes(heap, v, w, 0);
      if (typeof b === 'bigint' || b > 1e8) {
        if (typeof b === 'bigint' && b > 9223372036854775807n) {
          throw pyErr(heap, heap.t.OverflowError, is27(heap) ? 'long int too large to convert to int' : 'too many digits in integer');
        }
        throw pyErrNoArgs(heap, heap.t.MemoryError);
      }
      return intRes(heap, v, w, A.lshift(a, b));
    }
    case 'RShift': {
      if (A.sign(b) < 0) throw pyErr(heap, heap.t.ValueError, 'negative shift count');
      if (is27(heap) && typeof b === 'bigint' && b > 9223372036854775807n) throw pyErr(heap, heap.t.OverflowError, 'long int too large to convert to int');
      return intRes(heap, v, w, A.rshift(a, b));
    }
    case 'BitAnd':
      return intRes(heap, v, w, A.and(a, b));
    case 'BitOr':
      return intRes(heap, v, w, A.or(a, b));
    case 'BitXor':
      return intRes(heap, v, w, A.xor(a, b));
    default:
      return notImpl(heap);
  }
}

function boolBinary(heap: Heap, op: NbOp, v: Ref, w: Ref): Ref {
  if (heap.kind[v] === Kind.BOOL && heap.kind[w] === Kind.BOOL) {
    const a = v === heap.True;
    const b = w === heap.True;
    if (op === 'BitAnd') return newBool(heap, a && b);
    if (op === 'BitOr') return newBool(heap, a || b);
    if (op === 'BitXor') return newBool(heap, a !== b);
  }
  return intBinary(heap, op, v, w);
}

/** A float operand's value, or null for non-numbers (NotImplemented). */
function floatOperand(heap: Heap, r: Ref): number | null {
  const k = heap.kind[r];
  if (k === Kind.FLOAT) return heap.payload[r] as number;
  if (k === Kind.INT || k === Kind.BOOL) return intToFloatOrThrow(heap, heap.payload[r] as IntV);
  return null;
}

function floatBinary(heap: Heap, op: NbOp, v: Ref, w: Ref): Ref {
  const kv = heap.kind[v];
  const kw = heap.kind[w];
  const okv = kv === Kind.FLOAT || kv === Kind.INT || kv === Kind.BOOL;
  const okw = kw === Kind.FLOAT || kw === Kind.INT || kw === Kind.BOOL;
  if (!okv || !okw) return notImpl(heap);
  const a = floatOperand(heap, v)!;
  const b = floatOperand(heap, w)!;
  return floatBinaryValues(heap, op, a, b);
}

function floatBinaryValues(heap: Heap, op: NbOp, a: number, b: number): Ref {
  switch (op) {
    case 'Add':
      return newFloat(heap, a + b);
    case 'Sub':
      return newFloat(heap, a - b);
    case 'Mult':
      return newFloat(heap, a * b);
    case 'Div':
    case 'TrueDiv':
      if (b === 0) throw zeroDiv(heap, 'float division by zero');
      return newFloat(heap, a / b);
    case 'FloorDiv':
      if (b === 0) throw zeroDiv(heap, is27(heap) ? 'float divmod()' : 'float floor division by zero');
      return newFloat(heap, A.fdivmod(a, b)[0]);
    case 'Mod':
      if (b === 0) throw zeroDiv(heap, 'float modulo');
      return newFloat(heap, A.fmod(a, b));
    case 'DivMod': {
      if (b === 0) throw zeroDiv(heap, 'float divmod()');
      const [q, m] = A.fdivmod(a, b);
      const qr = newFloat(heap, q);
      const mr = newFloat(heap, m);
      const t = newTuple(heap, [qr, mr]);
      heap.decref(qr);
      heap.decref(mr);
      return t;
    }
    case 'Pow': {
      const r = A.floatPow(a, b);
      if (r === 'zero-neg') throw zeroDiv(heap, '0.0 cannot be raised to a negative power');
      if (r === 'neg-frac') {
        if (is27(heap)) throw pyErr(heap, heap.t.ValueError, 'negative number cannot be raised to a fractional power');
        const [re, im] = complexPow(a, 0, b, 0);
        return newComplex(heap, re, im);
      }
      if (r === 'overflow') throw pyErr(heap, heap.t.OverflowError, "(34, 'Numerical result out of range')");
      return newFloat(heap, r);
    }
    default:
      return notImpl(heap);
  }
}

/**
 * A complex number (new reference).
 *
 * @example
 * ```ts
 * reprOf(heap, newComplex(heap, 1, 2)); // '(1+2j)'
 * ```
 */
export function newComplex(heap: Heap, re: number, im: number): Ref {
  return heap.alloc(heap.t.complex, Kind.COMPLEX, { re, im });
}

/** The (re, im) of a number operand for complex arithmetic, or null. */
function complexOperand(heap: Heap, r: Ref): [number, number] | null {
  const k = heap.kind[r];
  if (k === Kind.COMPLEX) {
    const c = heap.payload[r] as { re: number; im: number };
    return [c.re, c.im];
  }
  const f = floatOperand(heap, r);
  return f === null ? null : [f, 0];
}

function complexPow(ar: number, ai: number, br: number, bi: number): [number, number] {
  if (br === 0 && bi === 0) return [1, 0];
  if (ar === 0 && ai === 0) return [0, 0];
  if (bi === 0 && Number.isInteger(br) && Math.abs(br) <= 100) {
    // c_powi: repeated squaring.
    let n = Math.abs(br);
    let rr = 1;
    let ri = 0;
    let xr = ar;
    let xi = ai;
    while (n > 0) {
      if (n & 1) [rr, ri] = [rr * xr - ri * xi, rr * xi + ri * xr];
      [xr, xi] = [xr * xr - xi * xi, 2 * xr * xi];
      n >>= 1;
    }
    if (br < 0) {
      const d = rr * rr + ri * ri;
      return [rr / d, -ri / d];
    }
    return [rr, ri];
  }
  const vabs = Math.hypot(ar, ai);
  let len = vabs ** br;
  const at = Math.atan2(ai, ar);
  let phase = at * br;
  if (bi !== 0) {
    len /= Math.exp(at * bi);
    phase += bi * Math.log(vabs);
  }
  return [len * Math.cos(phase), len * Math.sin(phase)];
}

function complexDiv(heap: Heap, ar: number, ai: number, br: number, bi: number): [number, number] {
  // CPython's _Py_c_quot (Smith's method).
  const absBr = Math.abs(br);
  const absBi = Math.abs(bi);
  if (absBr >= absBi) {
    if (absBr === 0) throw zeroDiv(heap, 'complex division by zero');
    const ratio = bi / br;
    const denom = br + bi * ratio;
    return [(ar + ai * ratio) / denom, (ai - ar * ratio) / denom];
  }
  if (absBi >= absBr) {
    const ratio = br / bi;
    const denom = br * ratio + bi;
    return [(ar * ratio + ai) / denom, (ai * ratio - ar) / denom];
  }
  return [NaN, NaN];
}

function complexBinary(heap: Heap, op: NbOp, v: Ref, w: Ref): Ref {
  const a = complexOperand(heap, v);
  const b = complexOperand(heap, w);
  if (a === null || b === null) return notImpl(heap);
  const [ar, ai] = a;
  const [br, bi] = b;
  switch (op) {
    case 'Add':
      return newComplex(heap, ar + br, ai + bi);
    case 'Sub':
      return newComplex(heap, ar - br, ai - bi);
    case 'Mult':
      return newComplex(heap, ar * br - ai * bi, ar * bi + ai * br);
    case 'Div':
    case 'TrueDiv': {
      const [r, i] = complexDiv(heap, ar, ai, br, bi);
      return newComplex(heap, r, i);
    }
    case 'Pow': {
      if (br === 0 && bi === 0) return newComplex(heap, 1, 0);
      if (ar === 0 && ai === 0 && (bi !== 0 || br < 0)) throw zeroDiv(heap, is27(heap) ? '0.0 to a negative or complex power' : '0.0 to a negative or complex power');
      const [r, i] = complexPow(ar, ai, br, bi);
      if (!Number.isFinite(r) || !Number.isFinite(i)) throw pyErr(heap, heap.t.OverflowError, 'complex exponentiation');
      return newComplex(heap, r, i);
    }
    case 'FloorDiv':
    case 'Mod':
    case 'DivMod': {
      if (!is27(heap)) return notImpl(heap);
      if (br === 0 && bi === 0) throw zeroDiv(heap, op === 'Mod' ? 'complex remainder' : 'complex divmod()');
      const [qr] = complexDiv(heap, ar, ai, br, bi);
      const div = Math.floor(qr);
      const mr = ar - br * div;
      const mi = ai - bi * div;
      if (op === 'FloorDiv') return newComplex(heap, div, 0);
      if (op === 'Mod') return newComplex(heap, mr, mi);
      const q = newComplex(heap, div, 0);
      const m = newComplex(heap, mr, mi);
      const t = newTuple(heap, [q, m]);
      heap.decref(q);
      heap.decref(m);
      return t;
    }
    default:
      return notImpl(heap);
  }
}

/** Fast paths for exact ints and floats (no slot lookup). Returns 0 when not applicable. */
function fastBinary(heap: Heap, op: NbOp, a: Ref, b: Ref): Ref {
  const ta = heap.typ[a]!;
  const tb = heap.typ[b]!;
  const t = heap.t;
  if (ta === t.int && tb === t.int) {
    // Small-int fast path for + - * on safe numbers.
    const x = heap.payload[a];
    const y = heap.payload[b];
    if (typeof x === 'number' && typeof y === 'number') {
      switch (op) {
        case 'Add': {
          const r = x + y;
          if (r >= -9007199254740991 && r <= 9007199254740991) return newInt(heap, r);
          break;
        }
        case 'Sub': {
          const r = x - y;
          if (r >= -9007199254740991 && r <= 9007199254740991) return newInt(heap, r);
          break;
        }
        case 'Mult': {
          const r = x * y;
          if (r >= -9007199254740991 && r <= 9007199254740991) return newInt(heap, r === 0 ? 0 : r);
          break;
        }
        case 'Mod':
          if (y > 0 && x >= 0) return newInt(heap, x % y);
          break;
        case 'FloorDiv':
        case 'Div':
          if (y > 0 && x >= 0 && (op === 'FloorDiv' || is27(heap))) return newInt(heap, Math.floor(x / y));
          break;
      }
    }
    const r = intBinary(heap, op, a, b);
    if (r === heap.NotImplemented) {
      heap.decref(r);
      return 0;
    }
    return r;
  }
  if ((ta === t.float || ta === t.int) && (tb === t.float || tb === t.int) && (ta === t.float || tb === t.float)) {
    const r = floatBinary(heap, op, a, b);
    if (r === heap.NotImplemented) {
      heap.decref(r);
      return 0;
    }
    return r;
  }
  return 0;
}

/**
 * The abstract number API (`PyNumber_Add`, `PyNumber_InPlaceAdd`, `PyNumber_Negative`...) the
 * heap's extension slots call through `Heap.numberOps`: a weakref proxy's `nb_add` unwraps its
 * operands and runs the whole operator protocol on them again, as CPython's `proxy_add` does.
 */
const NUMBER_OPS: NumberOps = {
  binary: (heap, op, v, w) => (op === 'DivMod' ? divmodOp(heap, v, w) : binaryOp(heap, op, v, w)),
  inplace: (heap, op, v, w) => {
    if (op === 'DivMod') throw typeError(heap, `unsupported operand type(s) for divmod(): '${tpName(heap, v)}' and '${tpName(heap, w)}'`);
    return inplaceOp(heap, op, v, w);
  },
  unary: (heap, op, v) => unaryNumber(heap, op, v),
  power: (heap, v, w, z) => ternaryPow(heap, v, w, z),
};

/**
 * Register the number slots of int, long, bool, float and complex, and their Python-visible
 * dunders (`int.__add__`, `float.__rtruediv__`, `int.__neg__`...).
 *
 * @example
 * ```ts
 * installNumberSlots(heap); // (installBuiltinTypes does this)
 * ```
 */
export function installNumberSlots(heap: Heap): void {
  const t = heap.t;
  heap.numberOps = NUMBER_OPS;
  const ops: NbOp[] = ['Add', 'Sub', 'Mult', 'FloorDiv', 'Mod', 'DivMod', 'Pow', 'LShift', 'RShift', 'BitAnd', 'BitOr', 'BitXor', 'TrueDiv'];
  if (is27(heap)) ops.push('Div');
  const table = (f: (heap: Heap, op: NbOp, v: Ref, w: Ref) => Ref, list: NbOp[]) => {
    const out: Partial<Record<NbOp, NbFn>> = {};
    for (const op of list) out[op] = (h, v, w) => f(h, op, v, w);
    return out;
  };
  const intTable = table(intBinary, ops);
  registerNb(heap, t.int, intTable);
  if (t.long !== t.int) registerNb(heap, t.long, intTable);
  registerNb(heap, t.bool, { ...intTable, ...table(boolBinary, ['BitAnd', 'BitOr', 'BitXor']) });
  const floatOps: NbOp[] = ['Add', 'Sub', 'Mult', 'TrueDiv', 'FloorDiv', 'Mod', 'DivMod', 'Pow'];
  if (is27(heap)) floatOps.push('Div');
  registerNb(heap, t.float, table(floatBinary, floatOps));
  const complexOps: NbOp[] = ['Add', 'Sub', 'Mult', 'TrueDiv', 'Pow'];
  if (is27(heap)) complexOps.push('Div', 'FloorDiv', 'Mod', 'DivMod');
  registerNb(heap, t.complex, table(complexBinary, complexOps));

  const intUnary = {
    Neg: (h: Heap, v: Ref) => intRes(h, v, v, A.neg(h.payload[v] as IntV)),
    Pos: (h: Heap, v: Ref) => (h.typ[v] === h.t.int || h.typ[v] === h.t.long ? newRef(h, v) : intRes(h, v, v, h.payload[v] as IntV)),
    Invert: (h: Heap, v: Ref) => intRes(h, v, v, A.invert(h.payload[v] as IntV)),
    Abs: (h: Heap, v: Ref) => intRes(h, v, v, A.abs(h.payload[v] as IntV)),
  };
  registerUnary(heap, t.int, intUnary);
  if (t.long !== t.int) registerUnary(heap, t.long, intUnary);
  registerUnary(heap, t.bool, {
    Neg: (h, v) => newInt(h, v === h.True ? -1 : 0),
    Pos: (h, v) => newInt(h, v === h.True ? 1 : 0),
    Invert: (h, v) => newInt(h, v === h.True ? -2 : -1),
    Abs: (h, v) => newInt(h, v === h.True ? 1 : 0),
  });
  registerUnary(heap, t.float, {
    Neg: (h, v) => newFloat(h, -(h.payload[v] as number)),
    Pos: (h, v) => (h.typ[v] === h.t.float ? newRef(h, v) : newFloat(h, h.payload[v] as number)),
    Abs: (h, v) => newFloat(h, Math.abs(h.payload[v] as number)),
  });
  registerUnary(heap, t.complex, {
    Neg: (h, v) => {
      const c = h.payload[v] as { re: number; im: number };
      return newComplex(h, -c.re, -c.im);
    },
    Pos: (h, v) => {
      const c = h.payload[v] as { re: number; im: number };
      return h.typ[v] === h.t.complex ? newRef(h, v) : newComplex(h, c.re, c.im);
    },
    Abs: (h, v) => {
      const c = h.payload[v] as { re: number; im: number };
      const r = Math.hypot(c.re, c.im);
      if (!Number.isFinite(r) && Number.isFinite(c.re) && Number.isFinite(c.im)) throw pyErr(h, h.t.OverflowError, 'absolute value too large');
      return newFloat(h, r);
    },
  });
  for (const ty of new Set([t.int, t.long, t.bool, t.float, t.complex])) defineNumberDunders(heap, ty);
}

/**
 * Define the Python-visible operator dunders of a builtin type from its registered slots:
 * `__add__(self, other)` calls the slot with `(self, other)`, `__radd__` with `(other, self)`.
 *
 * @example
 * ```ts
 * defineNumberDunders(heap, heap.t.int); // int.__add__, int.__radd__, ...
 * ```
 */
export function defineNumberDunders(heap: Heap, type: Ref): void {
  const st = libState(heap);
  const nb = st.nb.get(type) ?? {};
  for (const [op, f] of Object.entries(nb) as [NbOp, NbFn][]) {
    const { name, rname } = dunderNames(op);
    const tn = (heap.payload[type] as TypeData).name;
    if (op === 'Pow') {
      defineMethod(heap, type, name, (h, self, args, kw) => {
        checkArity(h, [name, `${tn}.${name}`], args, kw, 1, 2, 'unpack');
        if (args.length === 2 && args[1] !== h.None) return ternaryPow(h, self, args[0]!, args[1]!);
        return f(h, self, args[0]!);
      });
      defineMethod(heap, type, rname, (h, self, args, kw) => {
        checkArity(h, [rname, `${tn}.${rname}`], args, kw, 1, 2, 'unpack');
        if (args.length === 2 && args[1] !== h.None) return ternaryPow(h, args[0]!, self, args[1]!);
        return f(h, args[0]!, self);
      });
      continue;
    }
    defineMethod(heap, type, name, (h, self, args, kw) => {
      checkArity(h, [name, `${tn}.${name}`], args, kw, 1, 1, 'one');
      return f(h, self, args[0]!);
    });
    defineMethod(heap, type, rname, (h, self, args, kw) => {
      checkArity(h, [rname, `${tn}.${rname}`], args, kw, 1, 1, 'one');
      return f(h, args[0]!, self);
    });
  }
  const inb = st.inb.get(type) ?? {};
  for (const [op, f] of Object.entries(inb) as [NbOp, NbFn][]) {
    const { iname } = dunderNames(op);
    defineMethod(heap, type, iname, (h, self, args, kw) => {
      checkArity(h, iname, args, kw, 1, 1, 'one');
      return f(h, self, args[0]!);
    });
  }
  const un = st.un.get(type) ?? {};
  for (const [op, f] of Object.entries(un) as [UnOp, UnFn][]) {
    const name = UNARY_DUNDER[op];
    defineMethod(heap, type, name, (h, self, args, kw) => {
      checkArity(h, name, args, kw, 0, 0, 'none');
      return f(h, self);
    });
  }
}

export { intToFloatOrThrow, complexOperand, floatOperand };
