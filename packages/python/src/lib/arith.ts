/**
 * Arithmetic on Python ints (`number` when the value is a safe integer, `bigint` beyond 2**53)
 * and floats, with Python's semantics: floor division and modulo round towards negative
 * infinity, true division is correctly rounded, float `%` takes the sign of the divisor.
 *
 * These functions know nothing about the heap; errors are reported by returning `null` or by
 * the caller checking the operands first.
 */
import type { IntV } from './util.js';

const MAX = Number.MAX_SAFE_INTEGER;

/**
 * Normalize a bigint to a number when it is a safe integer.
 *
 * @example
 * ```ts
 * norm(5n); // 5
 * norm(2n ** 60n); // 1152921504606846976n
 * ```
 */
export function norm(v: bigint): IntV {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

/**
 * As a bigint.
 *
 * @example
 * ```ts
 * big(3); // 3n
 * ```
 */
export function big(v: IntV): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

/**
 * Sign: -1, 0 or 1.
 *
 * @example
 * ```ts
 * sign(-4); // -1
 * ```
 */
export function sign(v: IntV): number {
  return typeof v === 'number' ? Math.sign(v) : v < 0n ? -1 : v > 0n ? 1 : 0;
}

/**
 * Is the value zero?
 *
 * @example
 * ```ts
 * isZero(0n); // true
 * ```
 */
export function isZero(v: IntV): boolean {
  return typeof v === 'number' ? v === 0 : v === 0n;
}

/**
 * `add`.
 *
 * @example
 * ```ts
 * add(2 ** 53, 1); // 9007199254740993n
 * ```
 */
export function add(a: IntV, b: IntV): IntV {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r >= -MAX && r <= MAX) return r;
  }
  return norm(big(a) + big(b));
}

/**
 * `sub`.
 *
 * @example
 * ```ts
 * sub(0, 2 ** 53); // -9007199254740992
 * ```
 */
export function sub(a: IntV, b: IntV): IntV {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r >= -MAX && r <= MAX) return r;
  }
  return norm(big(a) - big(b));
}

/**
 * `mul`.
 *
 * @example
 * ```ts
 * mul(3, 4); // 12
 * ```
 */
export function mul(a: IntV, b: IntV): IntV {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (r >= -MAX && r <= MAX) return r === 0 ? 0 : r;
  }
  return norm(big(a) * big(b));
}

/**
 * `neg`.
 *
 * @example
 * ```ts
 * neg(5); // -5
 * ```
 */
export function neg(a: IntV): IntV {
  if (typeof a === 'number') return a === 0 ? 0 : -a;
  return norm(-a);
}

/**
 * `abs`.
 *
 * @example
 * ```ts
 * abs(-7n); // 7
 * ```
 */
export function abs(a: IntV): IntV {
  if (typeof a === 'number') return Math.abs(a);
  return norm(a < 0n ? -a : a);
}

/**
 * Floor division; `b` must be non-zero.
 *
 * @example
 * ```ts
 * floordiv(-7, 2); // -4
 * ```
 */
export function floordiv(a: IntV, b: IntV): IntV {
  if (typeof a === 'number' && typeof b === 'number') {
    const q = Math.floor(a / b);
    // a/b is exact enough for safe integers except near 2**53; verify with the remainder.
    const r = a - q * b;
    if (Number.isSafeInteger(q) && Number.isSafeInteger(r) && (b > 0 ? r >= 0 && r < b : r <= 0 && r > b)) return q === 0 ? 0 : q;
  }
  const A = big(a);
  const B = big(b);
  let q = A / B;
  if ((A % B !== 0n) && ((A < 0n) !== (B < 0n))) q -= 1n;
  return norm(q);
}

/**
 * Python modulo (sign of the divisor); `b` must be non-zero.
 *
 * @example
 * ```ts
 * mod(7, -3); // -2
 * ```
 */
export function mod(a: IntV, b: IntV): IntV {
  if (typeof a === 'number' && typeof b === 'number') {
    let r = a % b;
    if (r !== 0 && (r < 0) !== (b < 0)) r += b;
    return r === 0 ? 0 : r;
  }
  const A = big(a);
  const B = big(b);
  let r = A % B;
  if (r !== 0n && (r < 0n) !== (B < 0n)) r += B;
  return norm(r);
}

/**
 * Integer power with a non-negative exponent.
 *
 * @example
 * ```ts
 * pow(2, 64); // 18446744073709551616n
 * ```
 */
export function pow(a: IntV, b: IntV): IntV {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a ** b;
    if (Number.isSafeInteger(r)) return r;
  }
  const A = big(a);
  const B = big(b);
  if (A === 0n || A === 1n) return norm(A);
  if (A === -1n) return B % 2n === 0n ? 1 : -1;
  return norm(A ** B);
}

/**
 * `pow(a, b, m)` for ints, `b >= 0`, `m != 0`; result has the sign of `m`.
 *
 * @example
 * ```ts
 * powmod(2, 10, 1000); // 24
 * ```
 */
export function powmod(a: IntV, b: IntV, m: IntV): IntV {
  let A = big(a);
  let B = big(b);
  const M = big(m);
  const absM = M < 0n ? -M : M;
  let result = 1n % absM;
  A %= absM;
  if (A < 0n) A += absM;
  while (B > 0n) {
    if (B & 1n) result = (result * A) % absM;
    A = (A * A) % absM;
    B >>= 1n;
  }
  if (M < 0n && result !== 0n) result += M;
  return norm(result);
}

/**
 * `lshift`.
 *
 * @example
 * ```ts
 * lshift(1, 64); // 18446744073709551616n
 * ```
 */
export function lshift(a: IntV, n: IntV): IntV {
  if (typeof a === 'number' && typeof n === 'number' && n < 31) {
    const r = a * 2 ** n;
    if (Number.isSafeInteger(r)) return r;
  }
  return norm(big(a) << big(n));
}

/**
 * `rshift`.
 *
 * @example
 * ```ts
 * rshift(-5, 1); // -3
 * ```
 */
export function rshift(a: IntV, n: IntV): IntV {
  if (typeof a === 'number' && typeof n === 'number') {
    if (n >= 64) return a < 0 ? -1 : 0;
    return Math.floor(a / 2 ** n);
  }
  const N = big(n);
  if (N > 100000000n) return big(a) < 0n ? -1 : 0;
  return norm(big(a) >> N);
}

function fitsInt32(a: IntV): a is number {
  return typeof a === 'number' && (a | 0) === a;
}

/**
 * `and`.
 *
 * @example
 * ```ts
 * and(12, 10); // 8
 * ```
 */
export function and(a: IntV, b: IntV): IntV {
  if (fitsInt32(a) && fitsInt32(b)) return a & b;
  return norm(big(a) & big(b));
}

/**
 * `or`.
 *
 * @example
 * ```ts
 * or(12, 10); // 14
 * ```
 */
export function or(a: IntV, b: IntV): IntV {
  if (fitsInt32(a) && fitsInt32(b)) return a | b;
  return norm(big(a) | big(b));
}

/**
 * `xor`.
 *
 * @example
 * ```ts
 * xor(12, 10); // 6
 * ```
 */
export function xor(a: IntV, b: IntV): IntV {
  if (fitsInt32(a) && fitsInt32(b)) return a ^ b;
  return norm(big(a) ^ big(b));
}

/**
 * `invert`.
 *
 * @example
 * ```ts
 * invert(5); // -6
 * ```
 */
export function invert(a: IntV): IntV {
  return sub(neg(a), 1);
}

/**
 * Compare: -1, 0, 1.
 *
 * @example
 * ```ts
 * cmp(1, 2n); // -1
 * ```
 */
export function cmp(a: IntV, b: IntV): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const A = big(a);
  const B = big(b);
  return A < B ? -1 : A > B ? 1 : 0;
}

/**
 * Number of bits in |a| (`int.bit_length()`).
 *
 * @example
 * ```ts
 * bitLength(-5); // 3
 * ```
 */
export function bitLength(a: IntV): number {
  let A = big(a);
  if (A < 0n) A = -A;
  return A === 0n ? 0 : A.toString(2).length;
}

/**
 * The nearest double, or null when it overflows (CPython: OverflowError).
 *
 * @example
 * ```ts
 * toFloat(10n ** 400n); // null (OverflowError in Python)
 * ```
 */
export function toFloat(a: IntV): number | null {
  if (typeof a === 'number') return a;
  const f = Number(a);
  return Number.isFinite(f) ? f : null;
}

/**
 * Correctly rounded `a / b` for ints (`b != 0`), or null on overflow.
 *
 * @example
 * ```ts
 * trueDiv(1, 3); // 0.3333333333333333
 * ```
 */
export function trueDiv(a: IntV, b: IntV): number | null {
  if (typeof a === 'number' && typeof b === 'number') return a / b;
  let A = big(a);
  let B = big(b);
  const negative = (A < 0n) !== (B < 0n);
  if (A < 0n) A = -A;
  if (B < 0n) B = -B;
  if (A === 0n) return negative ? -0 : 0;
  const la = A.toString(2).length;
  const lb = B.toString(2).length;
  // Scale so that the quotient has at least 55 significant bits; the last bit is sticky.
  const shift = la - lb - 55;
  let q: bigint;
  let r: bigint;
  if (shift >= 0) {
    const Bs = B << BigInt(shift);
    q = A / Bs;
    r = A % Bs;
  } else {
    const As = A << BigInt(-shift);
    q = As / B;
    r = As % B;
  }
  if (r !== 0n) q |= 1n;
  let x = Number(q);
  // Apply 2**shift exactly (in steps to avoid intermediate overflow/underflow).
  let s = shift;
  while (s > 0) {
    const step = Math.min(s, 1000);
    x *= 2 ** step;
    s -= step;
  }
  while (s < 0) {
    const step = Math.max(s, -1000);
    x *= 2 ** step;
    s -= step;
  }
  if (!Number.isFinite(x)) return null;
  return negative ? -x : x;
}

// ============================================================================================
// Floats
// ============================================================================================

/**
 * Python float modulo (`b != 0`).
 *
 * @example
 * ```ts
 * fmod(7.5, -2); // -0.5
 * ```
 */
export function fmod(a: number, b: number): number {
  let m = a % b;
  if (m !== 0) {
    if (b < 0 !== m < 0) m += b;
  } else {
    m = b < 0 ? -0 : 0;
  }
  return m;
}

/**
 * Python float divmod (`b != 0`): [floordiv, mod].
 *
 * @example
 * ```ts
 * fdivmod(-7.5, 2); // [-4, 0.5]
 * ```
 */
export function fdivmod(a: number, b: number): [number, number] {
  let m = a % b;
  let div = (a - m) / b;
  if (m !== 0) {
    if (b < 0 !== m < 0) {
      m += b;
      div -= 1;
    }
  } else {
    m = b < 0 ? -0 : 0;
  }
  let fd: number;
  if (div !== 0) {
    fd = Math.floor(div);
    if (div - fd > 0.5) fd += 1;
  } else {
    fd = a / b < 0 || Object.is(a / b, -0) ? -0 : 0;
  }
  return [fd, m];
}

/**
 * Round half to even at `ndigits` decimal places (CPython's `float.__round__` via correctly rounded dtoa).
 *
 * @example
 * ```ts
 * roundHalfEven(2.675, 2); // 2.67 (the double is just below 2.675)
 * ```
 */
export function roundHalfEven(x: number, ndigits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (ndigits > 22) return x;
  // Use the exact decimal expansion of x to decide ties correctly.
  const s = exactDecimal(x);
  return Number(roundDecimalString(s, ndigits, 'even'));
}

/**
 * The exact decimal expansion of a finite double, e.g. `0.1` → "0.1000000000000000055511151231257827021181583404541015625".
 *
 * @example
 * ```ts
 * exactDecimal(0.5); // '0.5'
 * ```
 */
export function exactDecimal(x: number): string {
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const negative = x < 0;
  if (negative) x = -x;
  // x = m * 2**e with m integer.
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const expBits = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (expBits === 0) e = -1074;
  else {
    m |= 1n << 52n;
    e = expBits - 1075;
  }
  let s: string;
  if (e >= 0) s = (m << BigInt(e)).toString();
  else {
    // m / 2**-e = m * 5**-e / 10**-e
    const digits = (m * 5n ** BigInt(-e)).toString().padStart(-e + 1, '0');
    const intPart = digits.slice(0, digits.length + e);
    let frac = digits.slice(digits.length + e);
    frac = frac.replace(/0+$/, '');
    s = frac.length > 0 ? `${intPart}.${frac}` : intPart;
  }
  return negative ? `-${s}` : s;
}

/**
 * Round a decimal string to `nd` fractional digits (nd may be negative). Returns a decimal string.
 *
 * @example
 * ```ts
 * roundDecimalString('2.5', 0, 'even'); // '2'
 * ```
 */
export function roundDecimalString(s: string, nd: number, mode: 'even' | 'away'): string {
  const negative = s.startsWith('-');
  if (negative) s = s.slice(1);
  const dot = s.indexOf('.');
  const intPart = dot < 0 ? s : s.slice(0, dot);
  const frac = dot < 0 ? '' : s.slice(dot + 1);
  // Work with all digits and a position of the decimal point.
  const digits = intPart + frac;
  const pointPos = intPart.length; // digits[0..pointPos) is the integer part
  const keep = pointPos + nd; // number of leading digits to keep
  if (keep < 0) return negative ? '-0' : '0';
  if (keep >= digits.length) return (negative ? '-' : '') + s;
  const kept = digits.slice(0, keep);
  const rest = digits.slice(keep);
  let roundUp: boolean;
  const first = rest.charCodeAt(0) - 48;
  if (first > 5) roundUp = true;
  else if (first < 5) roundUp = false;
  else {
    const tail = /[1-9]/.test(rest.slice(1));
    if (tail) roundUp = true;
    else if (mode === 'away') roundUp = true;
    else {
      const last = kept.length > 0 ? kept.charCodeAt(kept.length - 1) - 48 : 0;
      roundUp = last % 2 === 1;
    }
  }
  let n = BigInt(kept.length > 0 ? kept : '0');
  if (roundUp) n += 1n;
  // Result = n * 10**(-nd)
  let out: string;
  if (nd >= 0) {
    const str = n.toString().padStart(nd + 1, '0');
    out = nd === 0 ? str : `${str.slice(0, str.length - nd)}.${str.slice(str.length - nd)}`;
  } else {
    out = (n * 10n ** BigInt(-nd)).toString();
  }
  return (negative ? '-' : '') + out;
}

/**
 * `float.__pow__` result, or an error tag.
 *
 * @example
 * ```ts
 * floatPow(0, -1); // 'zero-neg' (ZeroDivisionError)
 * floatPow(7, -2); // 0.02040816326530612
 * ```
 */
export function floatPow(a: number, b: number): number | 'zero-neg' | 'neg-frac' | 'overflow' {
  if (b === 0 || a === 1) return 1;
  if (Number.isNaN(a)) return NaN;
  if (Number.isNaN(b)) return a === 1 ? 1 : NaN;
  if (a === 0 && b < 0 && Number.isFinite(b)) return 'zero-neg';
  if (Number.isFinite(a) && a < 0 && Number.isFinite(b) && !Number.isInteger(b)) return 'neg-frac';
  if (a === -1 && !Number.isFinite(b)) return 1;
  if (b === 0.5 && a >= 0 && Number.isFinite(a)) return Math.sqrt(a);
  if (Number.isInteger(b) && Number.isFinite(a) && a !== 0) {
    const exact = exactIntPow(a, b);
    if (exact !== null) {
      if (!Number.isFinite(exact)) return 'overflow';
      return exact;
    }
  }
  const r = a ** b;
  if (!Number.isFinite(r) && Number.isFinite(a) && Number.isFinite(b)) return 'overflow';
  return r;
}

/** `a ** n` for a finite double and an integer `n`, correctly rounded (null when too large to do exactly). */
function exactIntPow(a: number, n: number): number | null {
  const neg = a < 0 && Math.abs(n) % 2 === 1;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, Math.abs(a));
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const expBits = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (expBits === 0) e = -1074;
  else {
    m |= 1n << 52n;
    e = expBits - 1075;
  }
  while (m > 0n && (m & 1n) === 0n) {
    m >>= 1n;
    e++;
  }
  const bits = m.toString(2).length;
  const an = Math.abs(n);
  if (bits * an > 20000 || Math.abs(e * an) > 100000) return null;
  const mp = m ** BigInt(an);
  const e2 = e * n;
  let r: number | null;
  if (n >= 0) {
    if (e2 >= 0) {
      const v = Number(mp << BigInt(e2));
      r = v;
    } else r = trueDiv(mp, 1n << BigInt(-e2));
  } else if (e2 >= 0) r = trueDiv(1n << BigInt(e2), mp);
  else r = trueDiv(1n, mp << BigInt(-e2));
  if (r === null) r = Infinity;
  return neg ? -r : r;
}
