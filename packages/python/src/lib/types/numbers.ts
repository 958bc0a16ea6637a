/**
 * int, bool, 2.7 long, float and complex: constructors (string parsing per version, `__int__`/
 * `__index__`/`__float__` conversions), methods and attributes, rounding, hashing of complex.
 */
import {
  CompareOp,
  floatRepr,
  HASH_HI,
  hashFromBigInt,
  hashOf,
  hashToBigInt,
  type Heap,
  isTrue,
  Kind,
  newBool,
  newFloat,
  newInt,
  newLong,
  newStr,
  newTuple,
  type Ref,
  strRepr,
  type TypeData,
} from '@heaplab/heap';
import * as A from '../arith.js';
import { builtinRich } from '../compare.js';
import { complexOperand, defineNumberDunders, isLong, newComplex } from '../number.js';
import { utf8Decode } from '../strutil.js';
import { genForm } from '../format.js';
import {
  callSpecialOrNull,
  checkArity,
  indexValue,
  indexValueOrNull,
  type IntV,
  is27,
  isUnicode27,
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
// Parsing
// ============================================================================================

const DIGIT = /\p{Nd}/u;

/** Map Unicode decimal digits to ASCII (3.12 accepts them in int()/float()). */
function asciiDigits(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: Python's whitespace and ASCII sets include control characters
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  let out = '';
  for (const ch of s) {
    if (DIGIT.test(ch) && ch > '\x7f') {
      // Find the digit's value from its position in its block.
      const cp = ch.codePointAt(0)!;
      let zero = cp;
      while (zero > 0 && DIGIT.test(String.fromCodePoint(zero - 1)) && cp - zero < 9) zero--;
      out += String(cp - zero);
    } else if (/\s/u.test(ch)) out += ' ';
    else out += ch;
  }
  return out;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: Python's whitespace and ASCII sets include control characters
const PY_WS = /^[ \t\n\r\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[ \t\n\r\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: Python's whitespace and ASCII sets include control characters
const ASCII_WS = /^[ \t\n\r\x0b\x0c]+|[ \t\n\r\x0b\x0c]+$/g;

/**
 * Parse an int literal as `int(s, base)` does; null when invalid.
 *
 * @example
 * ```ts
 * parseIntLiteral('0x1f', 0, false); // 31
 * ```
 */
function parseIntLiteral(text: string, base: number, v27: boolean, longSuffix = false): IntV | null {
  let s = text.replace(v27 ? ASCII_WS : PY_WS, '');
  if (!v27) s = asciiDigits(s);
  let sign = 1n;
  if (s.startsWith('-')) {
    sign = -1n;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (v27 && longSuffix && /[lL]$/.test(s)) s = s.slice(0, -1);
  const lower = s.toLowerCase();
  let b = base;
  if (b === 0) {
    if (lower.startsWith('0x')) {
      b = 16;
      s = s.slice(2);
    } else if (lower.startsWith('0o')) {
      b = 8;
      s = s.slice(2);
    } else if (lower.startsWith('0b')) {
      b = 2;
      s = s.slice(2);
    } else if (v27 && /^0[0-7]+$/.test(s)) {
      b = 8;
      s = s.slice(1);
    } else {
      b = 10;
      if (!v27 && /^0+[1-9_]/.test(s) && !/^0+(_0+)*$/.test(s)) return null;
    }
    if (!v27 && s.startsWith('_') && b !== 10) s = s.slice(1);
  } else if ((b === 16 && lower.startsWith('0x')) || (b === 8 && lower.startsWith('0o')) || (b === 2 && lower.startsWith('0b'))) {
    s = s.slice(2);
    if (!v27 && s.startsWith('_')) s = s.slice(1);
  }
  if (s.length === 0) return null;
  if (!v27) {
    if (s.startsWith('_') || s.endsWith('_') || s.includes('__')) return null;
    s = s.replace(/_/g, '');
  }
  let n = 0n;
  const B = BigInt(b);
  for (const ch of s.toLowerCase()) {
    const c = ch.charCodeAt(0);
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 97 && c <= 122) d = c - 87;
    else return null;
    if (d >= b) return null;
    n = n * B + BigInt(d);
  }
  return A.norm(sign * n);
}

const FLOAT_RE = /^[+-]?((\d+(_\d+)*)?\.?\d+(_\d+)*|\d+(_\d+)*\.)([eE][+-]?\d+(_\d+)*)?$/;
const FLOAT_RE_27 = /^[+-]?(\d*\.?\d+|\d+\.)([eE][+-]?\d+)?$/;
const SPECIAL_RE = /^[+-]?(inf|infinity|nan)$/i;

/** Parse a float literal as `float(s)` does; null when invalid. */
function parseFloatLiteral(text: string, v27: boolean): number | null {
  let s = text.replace(v27 ? ASCII_WS : PY_WS, '');
  if (!v27) s = asciiDigits(s);
  if (SPECIAL_RE.test(s)) {
    const neg = s.startsWith('-');
    const body = s.replace(/^[+-]/, '').toLowerCase();
    if (body === 'nan') return NaN;
    return neg ? -Infinity : Infinity;
  }
  if (!(v27 ? FLOAT_RE_27 : FLOAT_RE).test(s)) return null;
  return Number(s.replace(/_/g, ''));
}

/** 2.7: does a (stripped) string start with a valid float (for the "invalid literal" wording)? */
function hasFloatPrefix27(s: string): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.test(s) || /^[+-]?(inf|nan)/i.test(s);
}

// ============================================================================================
// Conversions
// ============================================================================================

/** The text of a str/bytes argument for parsing. */
function textOf(heap: Heap, r: Ref): string {
  const s = heap.payload[r] as string;
  if (heap.kind[r] === Kind.BYTES) return s;
  if (is27(heap) && !isUnicode27(heap, r)) return s;
  return s;
}

function invalidIntLiteral(heap: Heap, r: Ref, base: number, fname = 'int'): Error {
  const s = heap.payload[r] as string;
  let shown: string;
  if (heap.kind[r] === Kind.BYTES) shown = `b${strRepr(s, 'bytes')}`;
  else if (is27(heap)) {
    const stripped = s.replace(ASCII_WS, '');
    shown = isUnicode27(heap, r) ? `${strRepr(stripped, 'unicode27')}` : strRepr(stripped, 'bytes');
    if (isUnicode27(heap, r)) shown = shown.slice(0);
  } else shown = strRepr(s, 'str3');
  return pyErr(heap, heap.t.ValueError, `invalid literal for ${fname}() with base ${base}: ${shown}`);
}

/**
 * Truncate a float to an int value (raising for inf/nan).
 *
 * @example
 * ```ts
 * floatToIntValue(heap, -3.9); // -3
 * ```
 */
export function floatToIntValue(heap: Heap, f: number): IntV {
  if (Number.isNaN(f)) throw pyErr(heap, heap.t.ValueError, 'cannot convert float NaN to integer');
  if (!Number.isFinite(f)) throw pyErr(heap, heap.t.OverflowError, 'cannot convert float infinity to integer');
  const t = Math.trunc(f);
  if (Number.isSafeInteger(t)) return t === 0 ? 0 : t;
  return A.norm(BigInt(t));
}

/**
 * `int(x)` / `long(x)` as a value: ints, floats (truncated), strings, and objects with
 * `__int__`/`__index__`/`__trunc__`.
 */
function intValueOf(heap: Heap, x: Ref, fname = 'int'): IntV {
  const k = heap.kind[x];
  if (k === Kind.INT || k === Kind.BOOL) return heap.payload[x] as IntV;
  if (k === Kind.FLOAT) return floatToIntValue(heap, heap.payload[x] as number);
  if (k === Kind.STR || k === Kind.BYTES) {
    const v = parseIntLiteral(textOf(heap, x), 10, is27(heap), fname === 'long');
    if (v === null) throw invalidIntLiteral(heap, x, 10, fname);
    return v;
  }
  for (const name of ['__int__', '__index__', '__trunc__']) {
    const r = callSpecialOrNull(heap, x, name, []);
    if (r === 0) continue;
    try {
      const rk = heap.kind[r];
      if (rk !== Kind.INT && rk !== Kind.BOOL) {
        if (name === '__trunc__') return intValueOf(heap, r, fname);
        throw typeError(heap, is27(heap) ? `__int__ returned non-int (type ${tpName(heap, r)})` : `${name} returned non-int (type ${tpName(heap, r)})`);
      }
      return heap.payload[r] as IntV;
    } finally {
      heap.decref(r);
    }
  }
  if (is27(heap)) throw typeError(heap, `${fname}() argument must be a string or a number, not '${tpName(heap, x)}'`);
  throw typeError(heap, `int() argument must be a string, a bytes-like object or a real number, not '${tpName(heap, x)}'`);
}

/**
 * `float(x)` as a JS number.
 *
 * @example
 * ```ts
 * floatValueOf(heap, newStr(heap, ' 1e3 ')); // 1000
 * ```
 */
export function floatValueOf(heap: Heap, x: Ref): number {
  const k = heap.kind[x];
  if (k === Kind.FLOAT) return heap.payload[x] as number;
  if (k === Kind.INT || k === Kind.BOOL) {
    const f = A.toFloat(heap.payload[x] as IntV);
    if (f === null) throw pyErr(heap, heap.t.OverflowError, is27(heap) ? 'long int too large to convert to float' : 'int too large to convert to float');
    return f;
  }
  if (k === Kind.STR || k === Kind.BYTES) {
    const text = textOf(heap, x);
    const v = parseFloatLiteral(text, is27(heap));
    if (v === null) {
      if (is27(heap)) {
        // biome-ignore lint/suspicious/noControlCharactersInRegex: Python's whitespace and ASCII sets include control characters
        const s = text.replace(/^[ \t\n\r\x0b\x0c]+/, '');
        if (s.trim().length > 0 && hasFloatPrefix27(s)) throw pyErr(heap, heap.t.ValueError, `invalid literal for float(): ${s}`);
        throw pyErr(heap, heap.t.ValueError, `could not convert string to float: ${s}`);
      }
      const shown = k === Kind.BYTES ? `b${strRepr(text, 'bytes')}` : strRepr(text, 'str3');
      throw pyErr(heap, heap.t.ValueError, `could not convert string to float: ${shown}`);
    }
    return v;
  }
  const r = callSpecialOrNull(heap, x, '__float__', []);
  if (r !== 0) {
    try {
      if (heap.kind[r] !== Kind.FLOAT) throw typeError(heap, is27(heap) ? '__float__ returned non-float (type ' + tpName(heap, r) + ')' : `${tpName(heap, x)}.__float__ returned non-float (type ${tpName(heap, r)})`);
      return heap.payload[r] as number;
    } finally {
      heap.decref(r);
    }
  }
  if (!is27(heap)) {
    const iv = indexValueOrNull(heap, x);
    if (iv !== null) {
      const f = A.toFloat(iv);
      if (f === null) throw pyErr(heap, heap.t.OverflowError, 'int too large to convert to float');
      return f;
    }
  }
  if (is27(heap)) throw typeError(heap, 'float() argument must be a string or a number');
  throw typeError(heap, `float() argument must be a string or a real number, not '${tpName(heap, x)}'`);
}

/** A new int (or 2.7 long/int as appropriate) of `cls` (exact or subclass) with value `v`. */
function intOfClass(heap: Heap, cls: Ref, v: IntV, forceLong: boolean): Ref {
  const t = heap.t;
  if (cls === t.int) return forceLong ? newLong(heap, v) : newInt(heap, v);
  if (cls === t.long) return newLong(heap, v);
  return allocOf(heap, cls, Kind.INT, v);
}

// ============================================================================================
// Hashing of complex, float helpers
// ============================================================================================

function complexHash(heap: Heap, r: Ref): number {
  const c = heap.payload[r] as { re: number; im: number };
  const fr = newFloat(heap, c.re);
  const fi = newFloat(heap, c.im);
  try {
    const hr = hashToBigInt(hashOf(heap, fr), HASH_HI[0]!);
    const hi = hashToBigInt(hashOf(heap, fi), HASH_HI[0]!);
    let h = BigInt.asIntN(64, hr + 1000003n * hi);
    if (h === -1n) h = -2n;
    return hashFromBigInt(h);
  } finally {
    heap.decref(fr);
    heap.decref(fi);
  }
}

function complexRich(heap: Heap, a: Ref, b: Ref, op: CompareOp): Ref {
  const x = complexOperand(heap, a);
  const y = complexOperand(heap, b);
  if (x === null || y === null) return notImpl(heap);
  if (op !== CompareOp.EQ && op !== CompareOp.NE) {
    if (is27(heap)) throw typeError(heap, 'no ordering relation is defined for complex numbers');
    return notImpl(heap);
  }
  // Exact int comparison when the other operand is an int (no float rounding).
  let eq: boolean;
  const other = heap.kind[a] === Kind.COMPLEX ? b : a;
  if ((heap.kind[other] === Kind.INT || heap.kind[other] === Kind.BOOL) && typeof heap.payload[other] === 'bigint') {
    const c = (heap.kind[a] === Kind.COMPLEX ? x : y)!;
    eq = c[1] === 0 && Number.isInteger(c[0]) && BigInt(c[0]) === (heap.payload[other] as bigint);
  } else eq = x[0] === y[0] && x[1] === y[1];
  return pyBool(heap, op === CompareOp.EQ ? eq : !eq);
}

/** `float.as_integer_ratio()` values. */
function floatRatio(heap: Heap, f: number): [bigint, bigint] {
  if (Number.isNaN(f)) throw pyErr(heap, heap.t.ValueError, 'cannot convert NaN to integer ratio');
  if (!Number.isFinite(f)) throw pyErr(heap, heap.t.OverflowError, 'cannot convert Infinity to integer ratio');
  if (f === 0) return [0n, 1n];
  let num = f;
  let den = 1n;
  let exp = 0;
  while (!Number.isInteger(num)) {
    num *= 2;
    exp++;
  }
  den = 1n << BigInt(exp);
  let n = BigInt(num);
  while (n % 2n === 0n && den > 1n) {
    n /= 2n;
    den /= 2n;
  }
  return [n, den];
}

function floatHex(f: number): string {
  if (Number.isNaN(f)) return 'nan';
  if (!Number.isFinite(f)) return f > 0 ? 'inf' : '-inf';
  const sign = f < 0 || Object.is(f, -0) ? '-' : '';
  const a = Math.abs(f);
  if (a === 0) return `${sign}0x0.0p+0`;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, a);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  let e = (hi >>> 20) & 0x7ff;
  const mant = ((BigInt(hi & 0xfffff) << 32n) | BigInt(lo)).toString(16).padStart(13, '0');
  let lead = '1';
  if (e === 0) {
    lead = '0';
    e = -1022;
  } else e -= 1023;
  return `${sign}0x${lead}.${mant}p${e >= 0 ? '+' : ''}${e}`;
}

function floatFromHex(heap: Heap, s: string): number {
  const t = s.trim();
  const m = /^([+-])?(0x)?([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?$/i.exec(t);
  if (SPECIAL_RE.test(t)) return parseFloatLiteral(t, false)!;
  if (m === null || (m[3] === '' && (m[4] === undefined || m[4] === ''))) throw pyErr(heap, heap.t.ValueError, 'invalid hexadecimal floating-point string');
  const intPart = m[3] || '0';
  const frac = m[4] ?? '';
  const exp = Number(m[5] ?? '0');
  const mant = BigInt(`0x${intPart}${frac}` === '0x' ? '0' : `0x${intPart}${frac}`);
  const scale = exp - 4 * frac.length;
  let v = A.trueDiv(scale >= 0 ? A.norm(mant << BigInt(Math.min(scale, 5000))) : A.norm(mant), scale >= 0 ? 1 : A.norm(1n << BigInt(Math.min(-scale, 5000))));
  if (v === null) throw pyErr(heap, heap.t.OverflowError, 'hexadecimal value too large to represent as a float');
  if (m[1] === '-') v = -v;
  return v;
}

// ============================================================================================
// Installation
// ============================================================================================

/** Python-visible rich comparison dunders from `builtinRich`. */
function defineRichDunders(heap: Heap, type: Ref): void {
  const names = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];
  names.forEach((name, op) => {
    method(heap, type, name, (h, self, args, kw) => {
      checkArity(h, name, args, kw, 1, 1, 'one');
      return builtinRich(h, self, args[0]!, op as CompareOp);
    });
  });
}

/**
 * Install int, bool, long, float and complex.
 *
 * @example
 * ```ts
 * installNumberTypes(heap); // (installBuiltinTypes does this)
 * ```
 */
export function installNumberTypes(heap: Heap): void {
  const t = heap.t;
  const v27 = is27(heap);

  // ---- int / long ----------------------------------------------------------------------------
  for (const type of new Set([t.int, t.long])) {
    const isLongType = v27 && type === t.long;
    const fname = isLongType ? 'long' : 'int';
    defineNew(heap, type, (h, cls, args, kw) => {
      if (h.kind[cls] === Kind.TYPE && cls !== type && (tdOf(h, cls).layout !== Kind.INT || cls === h.t.bool)) {
        throw typeError(h, `${fname}.__new__(${tdOf(h, cls).name}) is not safe, use ${tdOf(h, cls).name}.__new__()`);
      }
      if (!v27 && kw !== null && kw.includes('x')) throw typeError(h, `'x' is an invalid keyword argument for int()`);
      const [x, base] = parseArgs(h, args, kw, { fname, names: v27 ? ['x', 'base'] : ['', 'base'], required: 0, posOnly: v27 ? 0 : 1 });
      let v: IntV;
      if (x === 0) {
        if (base !== 0) throw typeError(h, v27 ? `${fname}() missing string argument` : 'int() missing string argument');
        v = 0;
      } else if (base === 0 || base === undefined) {
        v = intValueOf(h, x!, fname);
        if (cls === h.t.int && h.kind[x!] === Kind.INT && h.typ[x!] === h.t.int && !isLongType) return newRef(h, x!);
      } else {
        const bv = indexValue(h, base!);
        const b = typeof bv === 'bigint' ? -1 : bv;
        if (h.kind[x!] !== Kind.STR && h.kind[x!] !== Kind.BYTES) throw typeError(h, `${fname}() can't convert non-string with explicit base`);
        if (b !== 0 && (b < 2 || b > 36)) throw pyErr(h, h.t.ValueError, `${fname}() base must be >= 2 and <= 36, or 0`);
        const parsed = parseIntLiteral(textOf(h, x!), b, v27, isLongType);
        if (parsed === null) throw invalidIntLiteral(h, x!, b, fname);
        v = parsed;
      }
      const forceLong = isLongType || (v27 && h.kind[x!] === Kind.INT && isLong(h, x!) && type === h.t.int && A.cmp(A.abs(v), 9223372036854775807n) > 0);
      return intOfClass(h, cls, v, forceLong);
    });
    defineNumberDunders(heap, type);
    defineRichDunders(heap, type);
    method(heap, type, 'bit_length', (h, self, args, kw) => {
      checkArity(h, [`bit_length`, `${fname}.bit_length`], args, kw, 0, 0, 'none');
      return newInt(h, A.bitLength(h.payload[self] as IntV));
    });
    method(heap, type, 'conjugate', (h, self) => intOfClass(h, h.t.int, h.payload[self] as IntV, isLong(h, self)));
    getset(heap, type, 'real', (h, self) => intOfClass(h, h.t.int, h.payload[self] as IntV, isLong(h, self)));
    getset(heap, type, 'imag', (h, self) => intOfClass(h, h.t.int, 0, isLong(h, self)));
    getset(heap, type, 'numerator', (h, self) => intOfClass(h, h.t.int, h.payload[self] as IntV, isLong(h, self)));
    getset(heap, type, 'denominator', (h, self) => intOfClass(h, h.t.int, 1, isLong(h, self)));
    for (const name of ['__int__', '__index__', '__trunc__', '__floor__', '__ceil__', ...(v27 ? ['__long__'] : [])]) {
      if (v27 && (name === '__floor__' || name === '__ceil__')) continue;
      method(heap, type, name, (h, self, args, kw) => {
        checkArity(h, name, args, kw, 0, 0, 'none');
        if (name === '__long__') return newLong(h, h.payload[self] as IntV);
        return intOfClass(h, h.t.int, h.payload[self] as IntV, isLong(h, self));
      });
    }
    method(heap, type, '__float__', (h, self, args, kw) => {
      checkArity(h, '__float__', args, kw, 0, 0, 'none');
      return newFloat(h, floatValueOf(h, self));
    });
    method(heap, type, v27 ? '__nonzero__' : '__bool__', (h, self) => pyBool(h, !A.isZero(h.payload[self] as IntV)));
    method(heap, type, '__hash__', (h, self) => newInt(h, hashToBigInt(hashOf(h, self), HASH_HI[0]!)));
    method(heap, type, '__repr__', (h, self) => newStr(h, intReprOf(h, self)));
    method(heap, type, '__str__', (h, self) => newStr(h, String(h.payload[self])));
    if (!v27) {
      method(heap, type, '__round__', (h, self, args, kw) => {
        checkArity(h, '__round__', args, kw, 0, 1, 'unpack');
        return intRound(h, self, args[0] ?? h.None);
      });
      method(heap, type, 'as_integer_ratio', (h, self) => {
        const a = newInt(h, h.payload[self] as IntV);
        const b = newInt(h, 1);
        const r = newTuple(h, [a, b]);
        h.decref(a);
        h.decref(b);
        return r;
      });
      method(heap, type, 'bit_count', (h, self) => {
        let v = A.big(h.payload[self] as IntV);
        if (v < 0n) v = -v;
        let n = 0;
        for (const ch of v.toString(2)) if (ch === '1') n++;
        return newInt(h, n);
      });
      method(heap, type, 'is_integer', (h) => pyBool(h, true));
    }
    method(heap, type, '__getnewargs__', (h, self) => {
      const v = newInt(h, h.payload[self] as IntV);
      const r = newTuple(h, [v]);
      h.decref(v);
      return r;
    });
  }

  // str() of ints never shows 2.7's 'L'; 2.7's str(float) is '%.12g' with exponents from 1e11
  // (Py_DTSF_ADD_DOT_0 lowers the threshold by one).
  for (const type of new Set([t.int, t.long])) setSlot(heap, type, 'str', (h, self) => String(h.payload[self]));
  if (v27) setSlot(heap, t.float, 'str', (h, self) => floatStr27(h.payload[self] as number));

  // ---- bool ----------------------------------------------------------------------------------
  defineNew(heap, t.bool, (h, _cls, args, kw) => {
    checkArity(h, ['bool', 'bool'], args, kw, 0, 1, ['parse', 'unpack']);
    return newBool(h, args.length > 0 && isTrue(h, args[0]!));
  });
  defineNumberDunders(heap, t.bool);
  setSlot(heap, t.bool, 'repr', (h, self) => (self === h.True ? 'True' : 'False'));

  // ---- float ---------------------------------------------------------------------------------
  const F = t.float;
  defineNew(heap, F, (h, cls, args, kw) => {
    checkArity(h, ['float', 'float'], args, kw, 0, 1, ['parse', 'unpack']);
    let v = 0;
    if (args.length > 0) {
      const x = args[0]!;
      if (cls === h.t.float && h.typ[x] === h.t.float) return newRef(h, x);
      v = floatValueOf(h, x);
    }
    if (cls === h.t.float) return newFloat(h, v);
    return allocOf(h, cls, Kind.FLOAT, v);
  });
  defineNumberDunders(heap, F);
  defineRichDunders(heap, F);
  method(heap, F, 'is_integer', (h, self) => pyBool(h, Number.isInteger(h.payload[self] as number)));
  method(heap, F, 'as_integer_ratio', (h, self) => {
    const [n, d] = floatRatio(h, h.payload[self] as number);
    const a = newInt(h, A.norm(n));
    const b = newInt(h, A.norm(d));
    const r = newTuple(h, [a, b]);
    h.decref(a);
    h.decref(b);
    return r;
  });
  method(heap, F, 'hex', (h, self) => newStr(h, floatHex(h.payload[self] as number)));
  method(
    heap,
    F,
    'fromhex',
    (h, cls, args, kw) => {
      checkArity(h, ['fromhex', 'float.fromhex'], args, kw, 1, 1, 'one');
      if (h.kind[args[0]!] !== Kind.STR) throw typeError(h, `fromhex() argument must be str, not ${tpName(h, args[0]!)}`);
      const f = newFloat(h, floatFromHex(h, h.payload[args[0]!] as string));
      if (cls === h.t.float) return f;
      try {
        return call1(h, cls, f);
      } finally {
        h.decref(f);
      }
    },
    { binding: 'class' },
  );
  method(heap, F, 'conjugate', (h, self) => newFloat(h, h.payload[self] as number));
  getset(heap, F, 'real', (h, self) => newFloat(h, h.payload[self] as number));
  getset(heap, F, 'imag', (h) => newFloat(h, 0));
  method(heap, F, '__int__', (h, self) => intOfClass(h, h.t.int, floatToIntValue(h, h.payload[self] as number), false));
  method(heap, F, '__trunc__', (h, self) => intOfClass(h, h.t.int, floatToIntValue(h, h.payload[self] as number), false));
  if (!v27) {
    method(heap, F, '__floor__', (h, self) => newInt(h, floatToIntValue(h, Math.floor(h.payload[self] as number))));
    method(heap, F, '__ceil__', (h, self) => newInt(h, floatToIntValue(h, Math.ceil(h.payload[self] as number))));
    method(heap, F, '__round__', (h, self, args, kw) => {
      checkArity(h, '__round__', args, kw, 0, 1, 'unpack');
      return floatRound(h, h.payload[self] as number, args[0] ?? h.None);
    });
  } else {
    method(heap, F, '__long__', (h, self) => newLong(h, floatToIntValue(h, h.payload[self] as number)));
  }
  method(heap, F, '__float__', (h, self) => (h.typ[self] === h.t.float ? newRef(h, self) : newFloat(h, h.payload[self] as number)));
  method(heap, F, v27 ? '__nonzero__' : '__bool__', (h, self) => pyBool(h, (h.payload[self] as number) !== 0));
  method(heap, F, '__hash__', (h, self) => newInt(h, hashToBigInt(hashOf(h, self), HASH_HI[0]!)));
  method(heap, F, '__repr__', (h, self) => newStr(h, floatRepr(h.payload[self] as number)));
  method(heap, F, '__getnewargs__', (h, self) => {
    const v = newFloat(h, h.payload[self] as number);
    const r = newTuple(h, [v]);
    h.decref(v);
    return r;
  });

  // ---- complex -------------------------------------------------------------------------------
  const C = t.complex;
  defineNew(heap, C, (h, cls, args, kw) => {
    const [re, im] = parseArgs(h, args, kw, { fname: 'complex', names: ['real', 'imag'], required: 0 });
    let r = 0;
    let i = 0;
    if (re !== 0) {
      if (h.kind[re!] === Kind.STR) {
        if (im !== 0) throw typeError(h, "complex() can't take second arg if first is a string");
        const c = parseComplex(h.payload[re!] as string);
        if (c === null) throw pyErr(h, h.t.ValueError, 'complex() arg is a malformed string');
        [r, i] = c;
      } else if (h.kind[re!] === Kind.COMPLEX) {
        const c = h.payload[re!] as { re: number; im: number };
        r = c.re;
        i = c.im;
      } else r = floatValueOf(h, re!);
    }
    if (im !== 0) {
      if (h.kind[im!] === Kind.STR) throw typeError(h, "complex() second arg can't be a string");
      if (h.kind[im!] === Kind.COMPLEX) {
        const c = h.payload[im!] as { re: number; im: number };
        r -= c.im;
        i += c.re;
      } else i += floatValueOf(h, im!);
    }
    if (cls === h.t.complex) return newComplex(h, r, i);
    return allocOf(h, cls, Kind.COMPLEX, { re: r, im: i });
  });
  defineNumberDunders(heap, C);
  setSlot(heap, C, 'hash', complexHash);
  setSlot(heap, C, 'richcompare', complexRich);
  getset(heap, C, 'real', (h, self) => newFloat(h, (h.payload[self] as { re: number }).re));
  getset(heap, C, 'imag', (h, self) => newFloat(h, (h.payload[self] as { im: number }).im));
  method(heap, C, 'conjugate', (h, self) => {
    const c = h.payload[self] as { re: number; im: number };
    return newComplex(h, c.re, -c.im);
  });
  method(heap, C, v27 ? '__nonzero__' : '__bool__', (h, self) => {
    const c = h.payload[self] as { re: number; im: number };
    return pyBool(h, c.re !== 0 || c.im !== 0);
  });
  setSlot(heap, C, 'bool', (h, self) => {
    const c = h.payload[self] as { re: number; im: number };
    return c.re !== 0 || c.im !== 0;
  });
  method(heap, C, '__eq__', (h, self, args) => complexRich(h, self, args[0]!, CompareOp.EQ));
  method(heap, C, '__ne__', (h, self, args) => complexRich(h, self, args[0]!, CompareOp.NE));
  for (const name of ['__int__', '__float__', ...(v27 ? ['__long__'] : [])]) {
    method(heap, C, name, (h) => {
      throw typeError(h, v27 ? `can't convert complex to ${name === '__float__' ? 'float' : name === '__long__' ? 'long' : 'int'}` : `can't convert complex to ${name === '__float__' ? 'float' : 'int'}`);
    });
  }
  void none;
}

/** 2.7 `str(float)`: 12 significant digits, exponent when the decimal exponent is >= 11 or < -4. */
function floatStr27(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const neg = x < 0 || Object.is(x, -0);
  return (neg ? '-' : '') + genForm(Math.abs(x), 12, false, false, true, 1);
}

function call1(heap: Heap, f: Ref, a: Ref): Ref {
  const td = tdOf(heap, heap.typ[f]!) as TypeData;
  return td.slots.call!(heap, f, [a], null);
}

function intReprOf(heap: Heap, r: Ref): string {
  const s = String(heap.payload[r]);
  return isLong(heap, r) ? `${s}L` : s;
}

/** Parse `complex('1+2j')`. */
function parseComplex(text: string): [number, number] | null {
  let s = text.trim();
  if (s.startsWith('(') && s.endsWith(')')) s = s.slice(1, -1).trim();
  if (s.length === 0) return null;
  const num = '(?:(?:\\d+(?:_\\d+)*)?\\.?\\d+(?:_\\d+)*(?:[eE][+-]?\\d+)?|\\d+\\.(?:[eE][+-]?\\d+)?|inf(?:inity)?|nan)';
  let m = new RegExp(`^([+-]?${num})?(?:([+-])(${num})?)?[jJ]$`, 'i').exec(s);
  const val = (x: string) => parseFloatLiteral(x, false)!;
  if (m !== null) {
    if (m[2] === undefined) {
      // "Nj" or "j"
      const im = m[1] === undefined ? 1 : m[1] === '+' || m[1] === '-' ? (m[1] === '-' ? -1 : 1) : val(m[1]);
      return [0, im];
    }
    const re = m[1] === undefined ? 0 : val(m[1]);
    const im = m[3] === undefined ? 1 : val(m[3]);
    return [re, m[2] === '-' ? -im : im];
  }
  m = new RegExp(`^[+-]?[jJ]$`).exec(s);
  if (m !== null) return [0, s.startsWith('-') ? -1 : 1];
  m = new RegExp(`^([+-]?${num})$`, 'i').exec(s);
  if (m !== null) return [val(m[1]!), 0];
  return null;
}

/**
 * 3.12 `int.__round__(ndigits)`.
 *
 * @example
 * ```ts
 * reprOf(heap, intRound(heap, newInt(heap, 25), newInt(heap, -1))); // '20'
 * ```
 */
export function intRound(heap: Heap, self: Ref, nd: Ref): Ref {
  const v = heap.payload[self] as IntV;
  if (nd === heap.None) return newInt(heap, v);
  const n = indexValue(heap, nd);
  if (A.sign(n) >= 0) return newInt(heap, v);
  const p = A.pow(10, A.neg(n));
  const q = A.floordiv(v, p);
  const r = A.sub(v, A.mul(q, p));
  const twice = A.mul(r, 2);
  let qq = q;
  const c = A.cmp(twice, p);
  if (c > 0 || (c === 0 && A.mod(q, 2) === 1)) qq = A.add(q, 1);
  return newInt(heap, A.mul(qq, p));
}

/**
 * 3.12 `float.__round__(ndigits)`.
 *
 * @example
 * ```ts
 * reprOf(heap, floatRound(heap, 2.5, heap.None)); // '2'
 * ```
 */
export function floatRound(heap: Heap, x: number, nd: Ref): Ref {
  if (nd === heap.None) {
    const r = A.roundHalfEven(x, 0);
    return newInt(heap, floatToIntValue(heap, r));
  }
  const nv = indexValue(heap, nd);
  const n = typeof nv === 'bigint' ? (nv > 0n ? 400 : -400) : nv;
  if (!Number.isFinite(x) || x === 0) return newFloat(heap, x);
  if (n > 323) return newFloat(heap, x);
  if (n < -308) return newFloat(heap, x < 0 || Object.is(x, -0) ? -0 : 0);
  const r = Number(A.roundDecimalString(A.exactDecimal(x), n, 'even'));
  if (!Number.isFinite(r)) throw pyErr(heap, heap.t.OverflowError, 'rounded value too large to represent');
  return newFloat(heap, r === 0 && x < 0 ? -0 : r);
}

/**
 * 2.7 `round(x, n)`: a float, rounding half away from zero.
 *
 * @example
 * ```ts
 * reprOf(heap, round27(heap, 2.5, 0)); // '3.0'
 * ```
 */
export function round27(heap: Heap, x: number, n: number): Ref {
  if (!Number.isFinite(x) || x === 0) return newFloat(heap, x);
  if (n > 323) return newFloat(heap, x);
  if (n < -308) return newFloat(heap, x < 0 ? -0 : 0);
  const r = Number(A.roundDecimalString(A.exactDecimal(x), n, 'away'));
  if (!Number.isFinite(r)) throw pyErr(heap, heap.t.OverflowError, 'rounded value too large to represent');
  return newFloat(heap, r === 0 && x < 0 ? -0 : r);
}

export { utf8Decode };
