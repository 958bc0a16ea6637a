/**
 * Small pieces of Python semantics objgraph's output depends on: `%g`, `%-*s` padding by code
 * points, slicing by code points, `seq[:limit]` with negative limits, and the iteration order of
 * a dict whose str keys were inserted in a given order (2.7 hash-table order, 3.x insertion order).
 */
import { type Heap, strHashOf, TableDict, HASH_HI } from '@heaplab/heap';

/** Number of code points (Python's `len(str)` for a 3.x str). */
export function pyLen(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** `s[:n]` by code points (`n >= 0`). */
export function pyHead(s: string, n: number): string {
  if (s.length <= n) return s;
  let count = 0;
  let i = 0;
  while (i < s.length && count < n) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    count++;
  }
  return s.slice(0, i);
}

/** `'%-*s' % (width, s)`: left-justified to `width` code points. */
export function padRight(s: string, width: number): string {
  const n = pyLen(s);
  return n >= width ? s : s + ' '.repeat(width - n);
}

/** `'%*s' % (width, s)`: right-justified. */
export function padLeft(s: string, width: number): string {
  const n = pyLen(s);
  return n >= width ? s : ' '.repeat(width - n) + s;
}

/** `'%+d' % n`. */
export function signed(n: number): string {
  return n >= 0 ? `+${n}` : String(n);
}

/** `seq[:stop]` with Python's negative-index rule. */
export function pySliceTo<T>(seq: readonly T[], stop: number): T[] {
  const n = seq.length;
  let end = Math.trunc(stop);
  if (end < 0) end = Math.max(0, n + end);
  return seq.slice(0, Math.min(end, n));
}

/**
 * Python's `'%g' % x` (6 significant digits, trailing zeros removed), with round-half-even on the
 * exact binary value as CPython's float formatting does.
 *
 * @example
 * ```ts
 * formatPercentG(1 * (1 - 1 / 3) + 0.3 * (1 / 3)); // '0.766667'
 * ```
 */
export function formatPercentG(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const P = 6;
  const { exp, mant } = exactDigits(Math.abs(x), P); // P digits
  if (exp < -4 || exp >= P) {
    let m = mant[0]!;
    const rest = mant.slice(1).replace(/0+$/, '');
    if (rest) m += `.${rest}`;
    return `${x < 0 ? '-' : ''}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  // fixed notation with P - 1 - exp decimals
  let s: string;
  if (exp >= 0) {
    const intPart = mant.slice(0, exp + 1);
    const frac = mant.slice(exp + 1);
    s = frac ? `${intPart}.${frac}` : intPart;
  } else {
    s = `0.${'0'.repeat(-exp - 1)}${mant}`;
  }
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return (x < 0 ? '-' : '') + s;
}

/** The first `p` significant decimal digits of positive `x`, correctly rounded half-even, and the decimal exponent. */
function exactDigits(x: number, p: number): { mant: string; exp: number } {
  // Exact decimal expansion of the double via BigInt: x = m * 2^e.
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const biasedExp = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (biasedExp === 0) e = -1074;
  else {
    m |= 1n << 52n;
    e = biasedExp - 1075;
  }
  // value = m * 2^e = num / den
  let num = m;
  let den = 1n;
  if (e >= 0) num <<= BigInt(e);
  else den <<= BigInt(-e);
  // decimal exponent estimate
  let exp = Math.floor(Math.log10(x));
  // scale so that num/den in [10^(p-1), 10^p)
  const scale = (k: number): [bigint, bigint] => (k >= 0 ? [num * 10n ** BigInt(k), den] : [num, den * 10n ** BigInt(-k)]);
  for (;;) {
    const [n, d] = scale(p - 1 - exp);
    const q = n / d;
    if (q < 10n ** BigInt(p - 1)) {
      exp--;
      continue;
    }
    if (q >= 10n ** BigInt(p)) {
      exp++;
      continue;
    }
    const r = n - q * d;
    let qq = q;
    if (2n * r > d || (2n * r === d && (q & 1n) === 1n)) qq = q + 1n;
    if (qq >= 10n ** BigInt(p)) {
      // rounded up to the next power of ten
      return { mant: `1${'0'.repeat(p - 1)}`, exp: exp + 1 };
    }
    return { mant: qq.toString(), exp };
  }
}

/**
 * The iteration order of a Python dict built by inserting the distinct str `keys` in order (no
 * deletions): insertion order in 3.x, the hash-table order of CPython 2.7's dict otherwise. This
 * is the order of objgraph's `typestats()` dict, which decides ties in `most_common_types` and
 * `growth`.
 *
 * @example
 * ```ts
 * import { Heap } from '@heaplab/heap';
 * import { pyDictOrder } from '@heaplab/objgraph';
 * pyDictOrder(new Heap({ version: '3.12' }), ['b', 'a']); // ['b', 'a']
 * pyDictOrder(new Heap({ version: '2.7' }), ['tuple', 'dict', 'list']); // CPython 2.7's table order
 * ```
 */
export function pyDictOrder(heap: Heap, keys: readonly string[]): string[] {
  if (heap.profile.dictOrder === 'insertion' || keys.length <= 1) return keys.slice();
  const table = new TableDict(0);
  for (let i = 0; i < keys.length; i++) {
    const lo = strHashOf(heap, keys[i]!);
    const hi = HASH_HI[0]!;
    // Keys are distinct: the position search would never find an equal key.
    table.insertNew(i + 1, lo, hi, i + 1);
  }
  const out: string[] = [];
  for (let p = table.next(0); p >= 0; p = table.next(p + 1)) out.push(keys[table.keyAt(p) - 1]!);
  return out;
}

/** objgraph's `_is_identifier = re.compile('[a-zA-Z_][a-zA-Z_0-9]*$').match` (`$` also matches before a final newline). */
export function isIdentifierMatch(s: string): boolean {
  return /^[a-zA-Z_][a-zA-Z_0-9]*\n?$/.test(s);
}

/**
 * objgraph's `_quote`: escape backslashes, double quotes, newlines and NULs for a DOT string.
 *
 * @example
 * ```ts
 * import { quote } from '@heaplab/objgraph';
 * quote('dict\n"x"'); // 'dict\\n\\"x\\"'
 * ```
 */
export function quote(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\0/g, '\\\\0');
}
