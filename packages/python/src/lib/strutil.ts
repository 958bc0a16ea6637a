/**
 * Strings as Python sees them: sequences of code points. JS strings are UTF-16, so characters
 * beyond the BMP take two units; these helpers index, measure and slice by code point, with a
 * fast path for the (usual) strings that contain no surrogates.
 */
import { Kind, type Heap, newStr, newUnicode, type Ref } from '@heaplab/heap';
import { isUnicode27 } from './util.js';

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Does the string contain UTF-16 surrogates (so JS indices differ from code-point indices)?
 *
 * @example
 * ```ts
 * hasSurrogates('a\u{1F600}'); // true
 * ```
 */
export function hasSurrogates(s: string): boolean {
  return SURROGATE.test(s);
}

/**
 * Length in code points (`len(s)`).
 *
 * @example
 * ```ts
 * cpLength('a\u{1F600}'); // 2
 * ```
 */
export function cpLength(s: string): number {
  if (!hasSurrogates(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * The code points of `s` as one-character strings.
 *
 * @example
 * ```ts
 * cpArray('a\u{1F600}').length; // 2
 * ```
 */
export function cpArray(s: string): string[] {
  return Array.from(s);
}

/**
 * `s[i]` for a valid non-negative code-point index.
 *
 * @example
 * ```ts
 * cpAt('a\u{1F600}b', 2); // 'b'
 * ```
 */
export function cpAt(s: string, i: number): string {
  if (!hasSurrogates(s)) return s[i]!;
  return Array.from(s)[i]!;
}

/**
 * `s[start:stop:step]` for adjusted indices.
 *
 * @example
 * ```ts
 * cpSlice('hello', 4, -1, -1, 5); // 'olleh'
 * ```
 */
export function cpSlice(s: string, start: number, stop: number, step: number, count: number): string {
  if (!hasSurrogates(s)) {
    if (step === 1) return s.slice(start, stop);
    let out = '';
    for (let i = 0, j = start; i < count; i++, j += step) out += s[j];
    return out;
  }
  const cps = Array.from(s);
  if (step === 1) return cps.slice(start, stop).join('');
  let out = '';
  for (let i = 0, j = start; i < count; i++, j += step) out += cps[j];
  return out;
}

/**
 * A new string object of the same family as `like` (2.7: `unicode` if `like` is unicode, else
 * `str`; 3.12 bytes stay bytes). Subclasses give the exact base type, as CPython's methods do.
 *
 * @example
 * ```ts
 * newStrLike(heap, 'x', someUnicode); // a 2.7 unicode
 * ```
 */
export function newStrLike(heap: Heap, s: string, like: Ref): Ref {
  if (heap.kind[like] === Kind.BYTES) return newBytes(heap, s);
  if (isUnicode27(heap, like)) return newUnicode(heap, s);
  return newStr(heap, s);
}

/**
 * A 3.12 `bytes` object (a 2.7 `str`).
 *
 * @example
 * ```ts
 * reprOf(heap, newBytes(heap, 'ab')); // "b'ab'" in 3.12
 * ```
 */
export function newBytes(heap: Heap, s: string): Ref {
  if (heap.t.bytes === heap.t.str) return newStr(heap, s);
  return heap.alloc(heap.t.bytes, Kind.BYTES, s);
}

/**
 * Encode a JS string as UTF-8 bytes held in a latin-1 JS string (one char per byte).
 *
 * @example
 * ```ts
 * utf8Encode('é'); // '\xc3\xa9'
 * ```
 */
export function utf8Encode(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}

/**
 * Decode a latin-1 JS string of bytes as UTF-8 (null if invalid).
 *
 * @example
 * ```ts
 * utf8Decode('\xc3\xa9'); // 'é'
 * ```
 */
export function utf8Decode(s: string): string | null {
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i) & 0xff;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
