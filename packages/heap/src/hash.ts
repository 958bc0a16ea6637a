/**
 * Hash functions, bit-exact with CPython where the value is observable.
 *
 * CPython's `Py_hash_t` is a signed 64-bit integer. JavaScript numbers cannot hold that exactly,
 * so a hash travels as two signed 32-bit halves: functions return the low half and leave the high
 * half in `HASH_HI[0]`. Hash tables store both halves; probing needs the high half because the
 * perturbation (`perturb >>= 5`) shifts high bits down into the index.
 *
 * Why bit-exact? In 2.7, dict and set iteration order *is* the hash table order, and 2.7's string
 * hash is deterministic, so `print {'b': 1, 'a': 2}` prints an order that only the real hash gives.
 * In 3.12 dicts keep insertion order, but sets of ints still iterate in table order.
 */

/** High 32 bits of the last hash computed (see module comment). */
export const HASH_HI = new Int32Array(1);

const TWO32 = 4294967296;

/** Combine two signed 32-bit halves into a BigInt (the Python-visible `hash()` value). */
export function hashToBigInt(lo: number, hi: number): bigint {
  return (BigInt(hi) << 32n) | BigInt(lo >>> 0);
}

/** Split a signed 64-bit BigInt into halves: returns lo, sets HASH_HI[0]. */
export function hashFromBigInt(h: bigint): number {
  const u = BigInt.asUintN(64, h);
  HASH_HI[0] = Number(BigInt.asIntN(32, u >> 32n));
  return Number(BigInt.asIntN(32, u));
}

/** Store a hash that fits in 53 bits (a JS safe integer): returns lo, sets HASH_HI[0]. */
export function hashFromNumber(h: number): number {
  const lo = h | 0;
  HASH_HI[0] = Math.floor((h - (lo >>> 0)) / TWO32) | 0;
  // For negative h, (h - lo_unsigned)/2^32 is exact; |0 keeps it in int32.
  return lo;
}

/** `-1` is reserved as "error" in CPython; a hash of -1 becomes -2. */
function fixMinusOne(lo: number): number {
  if (lo === -1 && HASH_HI[0] === -1) return -2;
  return lo;
}

// ---- strings -------------------------------------------------------------------------------

const hashMemo27 = new Map<string, number>();
const hashMemo27Hi = new Map<string, number>();

/**
 * CPython 2.7's string hash (`string_hash` with hash randomization off, the default):
 * `x = c0 << 7; for each byte c: x = (1000003 * x) ^ c; x ^= len`, in 64-bit wraparound
 * arithmetic. The string holds one byte per char (2.7 `str`); for `unicode`, each UCS-4 unit is
 * used the same way, which agrees with `str` for ASCII text.
 *
 * @example
 * ```ts
 * import { strHash27, HASH_HI, hashToBigInt } from '@heaplab/heap';
 * const lo = strHash27('a');
 * hashToBigInt(lo, HASH_HI[0]); // 12416037344n, as CPython 2.7's hash('a')
 * ```
 */
export function strHash27(s: string): number {
  const cached = hashMemo27.get(s);
  if (cached !== undefined) {
    HASH_HI[0] = hashMemo27Hi.get(s)!;
    return cached;
  }
  const n = s.length;
  if (n === 0) {
    HASH_HI[0] = 0;
    return 0;
  }
  // 64-bit value as (hi, lo) unsigned-ish halves.
  let lo = (s.charCodeAt(0) << 7) >>> 0;
  let hi = 0;
  if (s.charCodeAt(0) >= 1 << 25) hi = s.charCodeAt(0) >>> 25;
  for (let i = 0; i < n; i++) {
    // x = x * 1000003 (mod 2^64)
    const pl = lo * 1000003; // < 2^52, exact
    const newLo = pl % TWO32;
    const carry = (pl - newLo) / TWO32;
    hi = (Math.imul(hi, 1000003) + carry) | 0;
    lo = newLo >>> 0;
    // x ^= c
    lo = (lo ^ s.charCodeAt(i)) >>> 0;
  }
  lo = (lo ^ n) >>> 0;
  let rlo = lo | 0;
  let rhi = hi | 0;
  if (rlo === -1 && rhi === -1) rlo = -2;
  if (hashMemo27.size > 100000) {
    hashMemo27.clear();
    hashMemo27Hi.clear();
  }
  hashMemo27.set(s, rlo);
  hashMemo27Hi.set(s, rhi);
  HASH_HI[0] = rhi;
  return rlo;
}

const hashMemoRandom = new Map<string, number>();
const hashMemoRandomHi = new Map<string, number>();

/**
 * The 3.12 profile's string hash. CPython 3.12 randomizes string hashes per process (SipHash with
 * a random key), so no program can depend on the values; HeapLab uses a fixed 64-bit FNV-1a so
 * runs are reproducible.
 *
 * @example
 * ```ts
 * import { strHashRandomized } from '@heaplab/heap';
 * strHashRandomized('abc') === strHashRandomized('abc'); // true
 * strHashRandomized(''); // 0, as in CPython
 * ```
 */
export function strHashRandomized(s: string): number {
  // _Py_HashBytes: the empty string (and b'') hashes to 0 whatever the key.
  if (s.length === 0) {
    HASH_HI[0] = 0;
    return 0;
  }
  const cached = hashMemoRandom.get(s);
  if (cached !== undefined) {
    HASH_HI[0] = hashMemoRandomHi.get(s)!;
    return cached;
  }
  // FNV-1a 64: offset 0xcbf29ce484222325, prime 0x100000001b3 (= 2^40 + 0x1b3).
  let hi = 0xcbf29ce4 | 0;
  let lo = 0x84222325 | 0;
  for (let i = 0; i < s.length; i++) {
    lo ^= s.charCodeAt(i);
    // (hi,lo) * (2^40 + 0x1b3) = (hi,lo)*0x1b3 + (lo << 40)
    const ll = (lo >>> 0) * 0x1b3;
    const newLo = ll % TWO32;
    const carry = (ll - newLo) / TWO32;
    hi = (Math.imul(hi, 0x1b3) + carry + ((lo << 8) | 0)) | 0;
    lo = newLo | 0;
  }
  if (lo === -1 && hi === -1) lo = -2;
  if (hashMemoRandom.size > 100000) {
    hashMemoRandom.clear();
    hashMemoRandomHi.clear();
  }
  hashMemoRandom.set(s, lo);
  hashMemoRandomHi.set(s, hi);
  HASH_HI[0] = hi;
  return lo;
}

// ---- integers ------------------------------------------------------------------------------

const MERSENNE61 = (1n << 61n) - 1n;

/**
 * hash(int) for 3.x: the value modulo 2**61 - 1, keeping the sign; -1 becomes -2.
 *
 * @example
 * ```ts
 * import { intHashMersenne, HASH_HI } from '@heaplab/heap';
 * intHashMersenne(-1); // -2
 * ```
 */
export function intHashMersenne(v: number | bigint): number {
  if (typeof v === 'number') {
    // |v| < 2^53 < 2^61 - 1: the value itself.
    if (v === -1) {
      HASH_HI[0] = -1;
      return -2;
    }
    return hashFromNumber(v);
  }
  const neg = v < 0n;
  let r = (neg ? -v : v) % MERSENNE61;
  if (neg) r = -r;
  if (r === -1n) r = -2n;
  return hashFromBigInt(r);
}

/**
 * hash(int/long) for 2.7: a value that fits in a C long hashes to itself (-1 → -2); larger longs
 * fold their 30-bit digits with a rotate-and-add.
 *
 * @example
 * ```ts
 * import { intHash27 } from '@heaplab/heap';
 * intHash27(42); // 42
 * ```
 */
export function intHash27(v: number | bigint): number {
  if (typeof v === 'number') {
    if (v === -1) {
      HASH_HI[0] = -1;
      return -2;
    }
    return hashFromNumber(v);
  }
  const big = v;
  if (big >= -(1n << 63n) && big < 1n << 63n) {
    if (big === -1n) return hashFromBigInt(-2n);
    return hashFromBigInt(big);
  }
  const neg = big < 0n;
  let mag = neg ? -big : big;
  const digits: bigint[] = [];
  while (mag > 0n) {
    digits.push(mag & ((1n << 30n) - 1n));
    mag >>= 30n;
  }
  let x = 0n;
  const M = (1n << 64n) - 1n;
  for (let i = digits.length - 1; i >= 0; i--) {
    x = ((x << 30n) | (x >> 34n)) & M;
    x = (x + digits[i]!) & M;
    if (x < digits[i]!) x = (x + 1n) & M;
  }
  if (neg) x = (-x) & M;
  let signed = BigInt.asIntN(64, x);
  if (signed === -1n) signed = -2n;
  return hashFromBigInt(signed);
}

// ---- floats --------------------------------------------------------------------------------

function frexp(v: number): [number, number] {
  if (v === 0 || !Number.isFinite(v)) return [v, 0];
  const abs = Math.abs(v);
  let e = Math.max(-1073, Math.floor(Math.log2(abs)) + 1);
  let m = abs * 2 ** -e;
  while (m < 0.5) {
    m *= 2;
    e--;
  }
  while (m >= 1) {
    m /= 2;
    e++;
  }
  return [v < 0 ? -m : m, e];
}

/**
 * hash(float) in 3.x (`_Py_HashDouble`): integral values hash like ints; others by the rational
 * reduction modulo 2**61 - 1. `inf` → 314159, `-inf` → -314159; NaN hashes by identity (the
 * caller passes `nanHash`).
 *
 * @example
 * ```ts
 * import { floatHash3, HASH_HI, hashToBigInt } from '@heaplab/heap';
 * hashToBigInt(floatHash3(1.5, 0), HASH_HI[0]); // 1152921504606846977n
 * ```
 */
export function floatHash3(v: number, nanHash: number): number {
  if (Number.isNaN(v)) return hashFromNumber(nanHash);
  if (!Number.isFinite(v)) return hashFromNumber(v > 0 ? 314159 : -314159);
  if (Number.isInteger(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER) return intHashMersenne(v);
  let [m, e] = frexp(v);
  let sign = 1n;
  if (m < 0) {
    sign = -1n;
    m = -m;
  }
  let x = 0n;
  while (m) {
    x = ((x << 28n) & MERSENNE61) | (x >> (61n - 28n));
    m *= 268435456.0;
    e -= 28;
    const y = Math.floor(m);
    m -= y;
    x += BigInt(y);
    if (x >= MERSENNE61) x -= MERSENNE61;
  }
  let ee = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
  ee = ((ee % 61) + 61) % 61;
  const be = BigInt(ee);
  x = ((x << be) & MERSENNE61) | (x >> (61n - be));
  x = x * sign;
  if (x === -1n) x = -2n;
  return hashFromBigInt(x);
}

/**
 * hash(float) in 2.7: integral values hash like ints; otherwise
 * `frexp` → two 31-bit chunks plus the exponent shifted by 15.
 *
 * @example
 * ```ts
 * import { floatHash27 } from '@heaplab/heap';
 * floatHash27(2.0, 0); // 2
 * ```
 */
export function floatHash27(v: number, nanHash: number): number {
  if (Number.isNaN(v)) return hashFromNumber(0);
  if (!Number.isFinite(v)) return hashFromNumber(v > 0 ? 314159 : -271828);
  if (Number.isInteger(v)) {
    if (Math.abs(v) <= Number.MAX_SAFE_INTEGER) return intHash27(v);
    return intHash27(BigInt(v));
  }
  void nanHash;
  const [m0, expo] = frexp(v);
  let m = m0 * 2147483648.0;
  const hipart = Math.trunc(m);
  m = (m - hipart) * 2147483648.0;
  let x = BigInt(hipart) + BigInt(Math.trunc(m)) + (BigInt(expo) << 15n);
  x = BigInt.asIntN(64, x);
  if (x === -1n) x = -2n;
  return hashFromBigInt(x);
}

// ---- tuples --------------------------------------------------------------------------------

/**
 * 2.7 tuple hash: `x = 0x345678; for item: x = (x ^ h(item)) * mult; mult += 82520 + 2*remaining`;
 * then `x += 97531`.
 *
 * @example
 * ```ts
 * import { tupleHash27, hashToBigInt, HASH_HI } from '@heaplab/heap';
 * hashToBigInt(tupleHash27([]), HASH_HI[0]); // 3527539n, as 2.7's hash(())
 * ```
 */
export function tupleHash27(itemHashes: readonly bigint[]): number {
  let x = 0x345678n;
  let mult = 1000003n;
  let len = itemHashes.length;
  for (const y of itemHashes) {
    len--;
    x = BigInt.asIntN(64, (x ^ y) * mult);
    mult = BigInt.asIntN(64, mult + 82520n + BigInt(len + len));
  }
  x = BigInt.asIntN(64, x + 97531n);
  if (x === -1n) x = -2n;
  return hashFromBigInt(x);
}

const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;
const U64 = (1n << 64n) - 1n;

/**
 * 3.8+ tuple hash (xxHash-style lanes).
 *
 * @example
 * ```ts
 * import { tupleHash3, hashToBigInt, HASH_HI } from '@heaplab/heap';
 * hashToBigInt(tupleHash3([]), HASH_HI[0]); // 5740354900026072187n, as 3.12's hash(())
 * ```
 */
export function tupleHash3(itemHashes: readonly bigint[]): number {
  let acc = XXPRIME_5;
  for (const h of itemHashes) {
    const lane = BigInt.asUintN(64, h);
    acc = (acc + lane * XXPRIME_2) & U64;
    acc = ((acc << 31n) | (acc >> 33n)) & U64;
    acc = (acc * XXPRIME_1) & U64;
  }
  acc = (acc + (BigInt(itemHashes.length) ^ (XXPRIME_5 ^ 3527539n))) & U64;
  if (acc === U64) return hashFromBigInt(1546275796n);
  return hashFromBigInt(BigInt.asIntN(64, acc));
}

/**
 * Default identity hash (`_Py_HashPointer`): the address rotated right by 4 bits.
 * HeapLab addresses are multiples of 16, so this is `address / 16`.
 *
 * @example
 * ```ts
 * import { pointerHash } from '@heaplab/heap';
 * pointerHash(0x7f0000000010); // 0x7f000000001
 * ```
 */
export function pointerHash(address: number): number {
  return hashFromNumber(Math.floor(address / 16));
}

export { fixMinusOne };
