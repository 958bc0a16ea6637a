/**
 * str (3.12 text; 2.7 byte string), 2.7 unicode and 3.12 bytes: constructors, the string
 * methods, concatenation/repetition slots and 2.7's implicit ASCII promotion of str to unicode.
 */
import {
  CompareOp,
  HASH_HI,
  hashOf,
  hashToBigInt,
  type Heap,
  Kind,
  newInt,
  newList,
  newStr,
  newTuple,
  newUnicode,
  type Ref,
  reprOf,
  strOf,
  strRepr,
  type TypeData,
  newExceptionObject,
  PyException,
  dictSetItem,
  newDict,
  isPrintable,
} from '@heaplab/heap';
import { builtinRich } from '../compare.js';
import { containsOp } from '../compare.js';
import { defineNumberDunders } from '../number.js';
import { registerNb, registerSeq } from '../state.js';
import { cpArray, cpLength, hasSurrogates, newBytes, newStrLike, utf8Decode, utf8Encode } from '../strutil.js';
import { adjustIndices, getItem } from '../subscript.js';
import {
  callSpecialOrNull,
  checkArity,
  forEach,
  indexValue,
  indexValueOrNull,
  is27,
  isUnicode27,
  methName,
  newRef,
  parseArgs,
  pyBool,
  pyErr,
  pyErrNoArgs,
  ssizeValue,
  tpName,
  typeError,
} from '../util.js';
import { allocOf, defineNew, makeType, method, setSlot, tdOf } from './define.js';

// ============================================================================================
// Character classes
// ============================================================================================

// biome-ignore lint/suspicious/noControlCharactersInRegex: Python's whitespace and ASCII sets include control characters
const WS3 = /^[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: Python's whitespace and ASCII sets include control characters
const WS27 = /^[\t\n\x0b\x0c\r ]$/;

function isSpaceFor(bytes: boolean): (ch: string) => boolean {
  return bytes ? (ch) => WS27.test(ch) : (ch) => WS3.test(ch);
}

const RE_ALPHA = /^\p{L}$/u;
const RE_DECIMAL = /^\p{Nd}$/u;
const RE_DIGIT = /^[\p{Nd}\u00b2\u00b3\u00b9\u2070-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792]$/u;
const RE_NUMERIC = /^\p{N}$/u;
const RE_UPPER = /^[\p{Lu}\p{Lt}]$/u;
const RE_LOWER = /^\p{Ll}$/u;
const RE_TITLE = /^\p{Lt}$/u;

function isCased(ch: string): boolean {
  return ch.toLowerCase() !== ch.toUpperCase() || RE_UPPER.test(ch) || RE_LOWER.test(ch);
}

/** Text flavour of a string object, deciding character semantics. */
type Flavour = 'bytes' | 'text' | 'unicode27';

function flavourOf(heap: Heap, r: Ref): Flavour {
  if (heap.kind[r] === Kind.BYTES) return 'bytes';
  if (is27(heap)) return isUnicode27(heap, r) ? 'unicode27' : 'bytes';
  return 'text';
}

function upper(s: string, f: Flavour): string {
  if (f === 'bytes') return s.replace(/[a-z]+/g, (m) => m.toUpperCase());
  if (f === 'unicode27') return Array.from(s, (c) => (c.toUpperCase().length === c.length ? c.toUpperCase() : c)).join('');
  return s.toUpperCase();
}

function lower(s: string, f: Flavour): string {
  if (f === 'bytes') return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  if (f === 'unicode27') return Array.from(s, (c) => (c.toLowerCase().length === c.length ? c.toLowerCase() : c)).join('');
  return s.toLowerCase();
}

function isUpperCh(ch: string, f: Flavour): boolean {
  return f === 'bytes' ? ch >= 'A' && ch <= 'Z' : RE_UPPER.test(ch) && !RE_TITLE.test(ch);
}

function isLowerCh(ch: string, f: Flavour): boolean {
  return f === 'bytes' ? ch >= 'a' && ch <= 'z' : RE_LOWER.test(ch);
}

function isCasedCh(ch: string, f: Flavour): boolean {
  return f === 'bytes' ? /[A-Za-z]/.test(ch) : isCased(ch);
}

function titleCh(ch: string, f: Flavour): string {
  if (f === 'bytes') return ch.toUpperCase();
  // Title case of a few digraphs differs from upper case.
  const special: Record<string, string> = { ǆ: 'ǅ', Ǆ: 'ǅ', ǅ: 'ǅ', ǉ: 'ǈ', Ǉ: 'ǈ', ǈ: 'ǈ', ǌ: 'ǋ', Ǌ: 'ǋ', ǋ: 'ǋ', ǳ: 'ǲ', Ǳ: 'ǲ', ǲ: 'ǲ' };
  if (special[ch] !== undefined) return special[ch]!;
  if (f === 'unicode27') return ch.toUpperCase().length === ch.length ? ch.toUpperCase() : ch;
  const u = ch.toUpperCase();
  // Python title-cases 'ß' as 'Ss'.
  if (u.length > 1) return u[0]! + u.slice(1).toLowerCase();
  return u;
}

function title(s: string, f: Flavour): string {
  let out = '';
  let prevCased = false;
  for (const ch of s) {
    if (prevCased) out += lower(ch, f);
    else out += titleCh(ch, f);
    prevCased = isCasedCh(ch, f);
  }
  return out;
}

function capitalize(s: string, f: Flavour): string {
  if (s.length === 0) return s;
  const cps = Array.from(s);
  const first = f === 'text' ? titleCh(cps[0]!, f) : upper(cps[0]!, f);
  return first + lower(cps.slice(1).join(''), f);
}

function swapcase(s: string, f: Flavour): string {
  let out = '';
  for (const ch of s) {
    if (isUpperCh(ch, f) || (f !== 'bytes' && RE_TITLE.test(ch))) out += lower(ch, f);
    else if (isLowerCh(ch, f)) out += upper(ch, f);
    else out += ch;
  }
  return out;
}

// ============================================================================================
// Argument helpers
// ============================================================================================

/** 2.7: make a unicode argument's text out of a str (ASCII decoding) or unicode. */
function asText27(heap: Heap, r: Ref): string {
  const s = heap.payload[r] as string;
  if (isUnicode27(heap, r)) return s;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 127) throw unicodeDecodeError(heap, 'ascii', s, i, i + 1, 'ordinal not in range(128)');
  }
  return s;
}

/** A UnicodeDecodeError (ready to throw). */
function unicodeDecodeError(heap: Heap, encoding: string, data: string, start: number, end: number, reason: string): PyException {
  const enc = newStr(heap, encoding);
  const obj = is27(heap) ? newStr(heap, data) : newBytes(heap, data);
  const st = newInt(heap, start);
  const en = newInt(heap, end);
  const rs = newStr(heap, reason);
  const exc = newExceptionObject(heap, heap.t.UnicodeDecodeError, [enc, obj, st, en, rs]);
  for (const x of [enc, obj, st, en, rs]) heap.decref(x);
  const byte = data.charCodeAt(start).toString(16).padStart(2, '0');
  return new PyException(exc, `UnicodeDecodeError: '${encoding}' codec can't decode byte 0x${byte} in position ${start}: ${reason}`);
}

/** A UnicodeEncodeError (ready to throw). */
function unicodeEncodeError(heap: Heap, encoding: string, text: string, start: number, end: number, reason: string): PyException {
  const enc = newStr(heap, encoding);
  const obj = is27(heap) ? newUnicode(heap, text) : newStr(heap, text);
  const st = newInt(heap, start);
  const en = newInt(heap, end);
  const rs = newStr(heap, reason);
  const exc = newExceptionObject(heap, heap.t.UnicodeEncodeError, [enc, obj, st, en, rs]);
  for (const x of [enc, obj, st, en, rs]) heap.decref(x);
  return new PyException(exc, `UnicodeEncodeError: '${encoding}' codec can't encode character in position ${start}: ${reason}`);
}

/** Context for one string-method call: self's text, flavour and how to build results. */
interface Ctx {
  heap: Heap;
  self: Ref;
  s: string;
  f: Flavour;
  /** 2.7: an argument was unicode, so the result is unicode. */
  promoted: boolean;
}

function ctx(heap: Heap, self: Ref): Ctx {
  return { heap, self, s: heap.payload[self] as string, f: flavourOf(heap, self), promoted: false };
}

/** Build a result string of the call's family. */
function mk(c: Ctx, s: string): Ref {
  if (c.promoted) return newUnicode(c.heap, s);
  return newStrLike(c.heap, s, c.self);
}

/** Read a string argument (with 2.7 promotion), or throw with `msg(typeName)`. */
function strArg(c: Ctx, r: Ref, msg: (tn: string) => string): string {
  const heap = c.heap;
  const k = heap.kind[r];
  const selfBytes = heap.kind[c.self] === Kind.BYTES;
  if (selfBytes) {
    if (k !== Kind.BYTES) throw typeError(heap, msg(tpName(heap, r)));
    return heap.payload[r] as string;
  }
  if (k !== Kind.STR) throw typeError(heap, msg(tpName(heap, r)));
  if (is27(heap)) {
    const selfUni = isUnicode27(heap, c.self);
    const argUni = isUnicode27(heap, r);
    if (argUni && !selfUni) {
      c.s = asText27(heap, c.self);
      c.promoted = true;
      c.f = 'unicode27';
    } else if (selfUni && !argUni) return asText27(heap, r);
  }
  return heap.payload[r] as string;
}

function optStrArg(c: Ctx, r: Ref | undefined, msg: (tn: string) => string): string | null {
  if (r === undefined || r === 0 || r === c.heap.None) return null;
  return strArg(c, r, msg);
}

/** Slice-style start/end arguments (None allowed), as code-point positions. */
function startEnd(heap: Heap, len: number, start: Ref | undefined, end: Ref | undefined): [number, number] {
  const conv = (r: Ref | undefined, dflt: number): number => {
    if (r === undefined || r === 0 || r === heap.None) return dflt;
    const v = indexValueOrNull(heap, r);
    if (v === null) throw typeError(heap, 'slice indices must be integers or None or have an __index__ method');
    return typeof v === 'bigint' ? (v < 0n ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER) : v;
  };
  let s = conv(start, 0);
  let e = conv(end, Number.MAX_SAFE_INTEGER);
  if (e > len) e = len;
  else if (e < 0) {
    e += len;
    if (e < 0) e = 0;
  }
  if (s < 0) {
    s += len;
    if (s < 0) s = 0;
  }
  return [s, e];
}

/** Code-point view helpers: slice `s` by code points. */
function cpSub(s: string, a: number, b: number): string {
  if (!hasSurrogates(s)) return s.slice(a, b);
  return cpArray(s).slice(a, b).join('');
}

function cpFind(s: string, sub: string, start: number, end: number, reverse: boolean): number {
  const len = cpLength(s);
  if (start > len) return -1;
  if (end - start < cpLength(sub)) return sub.length === 0 && start <= end ? (reverse ? end : start) : -1;
  const region = cpSub(s, start, end);
  const i = reverse ? region.lastIndexOf(sub) : region.indexOf(sub);
  if (i < 0) return -1;
  return start + (hasSurrogates(region) ? cpLength(region.slice(0, i)) : i);
}

function countSub(s: string, sub: string, start: number, end: number): number {
  const len = cpLength(s);
  if (start > len || end < start) return 0;
  const region = cpSub(s, start, end);
  if (sub.length === 0) return cpLength(region) + 1;
  let n = 0;
  let i = 0;
  for (;;) {
    const j = region.indexOf(sub, i);
    if (j < 0) break;
    n++;
    i = j + sub.length;
  }
  return n;
}

function splitWhitespace(s: string, maxsplit: number, isSpace: (c: string) => boolean): string[] {
  const cps = Array.from(s);
  const out: string[] = [];
  let i = 0;
  const n = cps.length;
  while (i < n) {
    while (i < n && isSpace(cps[i]!)) i++;
    if (i >= n) break;
    if (maxsplit >= 0 && out.length >= maxsplit) {
      let end = n;
      while (end > i && isSpace(cps[end - 1]!)) end--;
      out.push(cps.slice(i, end).join(''));
      return out;
    }
    const j0 = i;
    while (i < n && !isSpace(cps[i]!)) i++;
    out.push(cps.slice(j0, i).join(''));
  }
  return out;
}

function rsplitWhitespace(s: string, maxsplit: number, isSpace: (c: string) => boolean): string[] {
  const cps = Array.from(s);
  const out: string[] = [];
  let i = cps.length - 1;
  while (i >= 0) {
    while (i >= 0 && isSpace(cps[i]!)) i--;
    if (i < 0) break;
    if (maxsplit >= 0 && out.length >= maxsplit) {
      let st = 0;
      while (st <= i && isSpace(cps[st]!)) st++;
      out.push(cps.slice(st, i + 1).join(''));
      break;
    }
    const j = i;
    while (i >= 0 && !isSpace(cps[i]!)) i--;
    out.push(cps.slice(i + 1, j + 1).join(''));
  }
  return out.reverse();
}

function splitSep(s: string, sep: string, maxsplit: number): string[] {
  const out: string[] = [];
  let i = 0;
  while (maxsplit < 0 || out.length < maxsplit) {
    const j = s.indexOf(sep, i);
    if (j < 0) break;
    out.push(s.slice(i, j));
    i = j + sep.length;
  }
  out.push(s.slice(i));
  return out;
}

function rsplitSep(s: string, sep: string, maxsplit: number): string[] {
  const out: string[] = [];
  let end = s.length;
  while (maxsplit < 0 || out.length < maxsplit) {
    const j = end - sep.length < 0 ? -1 : s.lastIndexOf(sep, end - sep.length);
    if (j < 0) break;
    out.push(s.slice(j + sep.length, end));
    end = j;
  }
  out.push(s.slice(0, end));
  return out.reverse();
}

const LINE_BREAKS_TEXT = new Set(['\n', '\r', '\x0b', '\x0c', '\x1c', '\x1d', '\x1e', '\x85', '\u2028', '\u2029']);

function splitlines(s: string, keepends: boolean, f: Flavour): string[] {
  const out: string[] = [];
  const isBreak = (ch: string) => (f === 'bytes' ? ch === '\n' || ch === '\r' : LINE_BREAKS_TEXT.has(ch));
  let i = 0;
  let start = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (isBreak(ch)) {
      let eol = i + 1;
      if (ch === '\r' && s[i + 1] === '\n') eol = i + 2;
      out.push(s.slice(start, keepends ? eol : i));
      start = eol;
      i = eol;
    } else i++;
  }
  if (start < s.length) out.push(s.slice(start));
  return out;
}

function listOfStrs(c: Ctx, parts: readonly string[]): Ref {
  const items = parts.map((p) => mk(c, p));
  const l = newList(c.heap, items);
  for (const x of items) c.heap.decref(x);
  return l;
}

function tupleOfStrs(c: Ctx, parts: readonly string[]): Ref {
  const items = parts.map((p) => mk(c, p));
  const t = newTuple(c.heap, items);
  for (const x of items) c.heap.decref(x);
  return t;
}

function stripChars(s: string, chars: string | null, left: boolean, right: boolean, isSpace: (c: string) => boolean): string {
  const cps = Array.from(s);
  const test = chars === null ? isSpace : (ch: string) => chars.includes(ch);
  let a = 0;
  let b = cps.length;
  if (left) while (a < b && test(cps[a]!)) a++;
  if (right) while (b > a && test(cps[b - 1]!)) b--;
  return cps.slice(a, b).join('');
}

function padTo(heap: Heap, c: Ctx, args: readonly Ref[], kw: readonly string[] | null, name: string, how: 'center' | 'ljust' | 'rjust'): Ref {
  checkArity(heap, [name, name], args, kw, 1, 2, ['parse', 'unpack']);
  const width = ssizeValue(heap, args[0]!);
  let fill = ' ';
  if (args.length > 1) {
    const fr = args[1]!;
    const ok = heap.kind[fr] === heap.kind[c.self] && cpLength(heap.payload[fr] as string) === 1;
    if (!ok) {
      if (is27(heap) || heap.kind[c.self] === Kind.BYTES) throw typeError(heap, `${name}() argument 2 must be char, not ${tpName(heap, fr)}`);
      if (heap.kind[fr] !== Kind.STR) throw typeError(heap, `${name}() argument 2 must be str, not ${tpName(heap, fr)}`);
      throw typeError(heap, 'The fill character must be exactly one character long');
    }
    fill = heap.payload[fr] as string;
  }
  const len = cpLength(c.s);
  if (width <= len) return exactOrCopy(c);
  const marg = width - len;
  let left: number;
  if (how === 'ljust') left = 0;
  else if (how === 'rjust') left = marg;
  else left = Math.floor(marg / 2) + (marg & width & 1);
  return mk(c, fill.repeat(left) + c.s + fill.repeat(marg - left));
}

/** Return self for exact builtin strings (CPython returns the object unchanged), else a copy. */
function exactOrCopy(c: Ctx): Ref {
  const ty = c.heap.typ[c.self];
  const t = c.heap.t;
  if (!c.promoted && (ty === t.str || ty === t.unicode || ty === t.bytes)) return newRef(c.heap, c.self);
  return mk(c, c.s);
}

// ============================================================================================
// Concatenation / repetition slots
// ============================================================================================

function strConcat(heap: Heap, v: Ref, w: Ref): Ref {
  const kv = heap.kind[v];
  const kw = heap.kind[w];
  if (kv === Kind.BYTES) {
    if (kw !== Kind.BYTES) throw typeError(heap, `can't concat ${tpName(heap, w)} to ${tpName(heap, v)}`);
    return newBytes(heap, (heap.payload[v] as string) + (heap.payload[w] as string));
  }
  if (kw !== Kind.STR) {
    if (is27(heap)) {
      if (isUnicode27(heap, v)) throw typeError(heap, `coercing to Unicode: need string or buffer, ${tpName(heap, w)} found`);
      throw typeError(heap, `cannot concatenate '${tpName(heap, v)}' and '${tpName(heap, w)}' objects`);
    }
    throw typeError(heap, `can only concatenate str (not "${tpName(heap, w)}") to str`);
  }
  const a = heap.payload[v] as string;
  const b = heap.payload[w] as string;
  if (is27(heap) && (isUnicode27(heap, v) || isUnicode27(heap, w))) {
    return newUnicode(heap, asText27(heap, v) + asText27(heap, w));
  }
  const t = heap.t;
  if (a.length === 0 && (heap.typ[w] === t.str)) return newRef(heap, w);
  if (b.length === 0 && (heap.typ[v] === t.str)) return newRef(heap, v);
  return newStrLike(heap, a + b, v);
}

function strRepeat(heap: Heap, s: Ref, n: number): Ref {
  const v = heap.payload[s] as string;
  if (n === 1 && (heap.typ[s] === heap.t.str || heap.typ[s] === heap.t.unicode || heap.typ[s] === heap.t.bytes)) return newRef(heap, s);
  if (n <= 0 || v.length === 0) return newStrLike(heap, '', s);
  if (v.length * n > 1e9) throw pyErrNoArgs(heap, heap.t.MemoryError);
  return newStrLike(heap, v.repeat(n), s);
}

// ============================================================================================
// str() / unicode() / bytes()
// ============================================================================================

/**
 * `str(x)` as a JS string, with 2.7's ASCII encoding of unicode.
 *
 * @example
 * ```ts
 * strText(heap, newInt(heap, 5)); // '5'
 * ```
 */
export function strText(heap: Heap, x: Ref): string {
  const s = strOf(heap, x);
  if (is27(heap) && (isUnicode27(heap, x) || strResultIsUnicode27(heap, x))) {
    for (let i = 0; i < s.length; i++) {
      if (s.charCodeAt(i) > 127) {
        const cp = s.codePointAt(i)!;
        throw unicodeEncodeErrorMsg(heap, s, i, cp);
      }
    }
  }
  return s;
}

function strResultIsUnicode27(heap: Heap, x: Ref): boolean {
  void heap;
  void x;
  return false;
}

function unicodeEncodeErrorMsg(heap: Heap, s: string, i: number, cp: number): PyException {
  const e = unicodeEncodeError(heap, 'ascii', s, i, i + 1, 'ordinal not in range(128)');
  const ch = cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : cp <= 0xffff ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\U${cp.toString(16).padStart(8, '0')}`;
  e.message = `UnicodeEncodeError: 'ascii' codec can't encode character ${is27(heap) ? 'u' : ''}'${ch}' in position ${i}: ordinal not in range(128)`;
  return e;
}

/**
 * `str(x)` as a new str object (the same object for an exact str).
 *
 * @example
 * ```ts
 * strValue(heap, pyStr(heap, toPy(heap, [1, 'a']))); // "[1, 'a']"
 * ```
 */
export function pyStr(heap: Heap, x: Ref): Ref {
  if (heap.typ[x] === heap.t.str) return newRef(heap, x);
  return newStr(heap, strText(heap, x));
}

/**
 * `repr(x)` as a new str object.
 *
 * @example
 * ```ts
 * strValue(heap, pyRepr(heap, newStr(heap, 'a'))); // "'a'"
 * ```
 */
export function pyRepr(heap: Heap, x: Ref): Ref {
  return newStr(heap, reprOf(heap, x));
}

function encodeText(heap: Heap, s: string, encoding: string, errors: string): string {
  const enc = encoding.toLowerCase().replace(/[-_ ]/g, '');
  if (enc === 'utf8') return utf8Encode(s);
  const limit = enc === 'ascii' || enc === 'usascii' ? 128 : enc === 'latin1' || enc === 'iso88591' || enc === 'l1' ? 256 : -1;
  if (limit < 0) throw pyErr(heap, heap.t.LookupError, `unknown encoding: ${encoding}`);
  let out = '';
  let i = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < limit) out += ch;
    else if (errors === 'ignore') {
      /* skip */
    } else if (errors === 'replace') out += '?';
    else {
      const name = limit === 128 ? 'ascii' : 'latin-1';
      const e = unicodeEncodeError(heap, name, s, i, i + 1, `ordinal not in range(${limit})`);
      const esc = cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : cp <= 0xffff ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\U${cp.toString(16).padStart(8, '0')}`;
      e.message = `UnicodeEncodeError: '${name}' codec can't encode character ${is27(heap) ? 'u' : ''}'${esc}' in position ${i}: ordinal not in range(${limit})`;
      throw e;
    }
    i++;
  }
  return out;
}

function decodeBytes(heap: Heap, s: string, encoding: string, errors: string): string {
  const enc = encoding.toLowerCase().replace(/[-_ ]/g, '');
  if (enc === 'utf8') {
    const d = utf8Decode(s);
    if (d !== null) return d;
    if (errors === 'replace' || errors === 'ignore') {
      const bytes = Uint8Array.from(s, (c) => c.charCodeAt(0));
      const r = new TextDecoder('utf-8').decode(bytes);
      return errors === 'ignore' ? r.replace(/\ufffd/g, '') : r;
    }
    // Find the first bad byte for the message.
    let pos = 0;
    for (let i = 1; i <= s.length; i++) {
      if (utf8Decode(s.slice(0, i)) === null && utf8Decode(s.slice(0, i + 3 > s.length ? s.length : i + 3)) === null) {
        pos = i - 1;
        break;
      }
    }
    const b = s.charCodeAt(pos);
    const reason = b >= 0x80 && b < 0xc0 ? 'invalid start byte' : 'invalid continuation byte';
    throw unicodeDecodeError(heap, 'utf-8', s, pos, pos + 1, pos === s.length - 1 && b >= 0xc0 ? 'unexpected end of data' : reason);
  }
  if (enc === 'ascii' || enc === 'usascii') {
    for (let i = 0; i < s.length; i++) {
      if (s.charCodeAt(i) > 127) {
        if (errors === 'ignore' || errors === 'replace') continue;
        throw unicodeDecodeError(heap, 'ascii', s, i, i + 1, 'ordinal not in range(128)');
      }
    }
    if (errors === 'ignore') return s.replace(/[\x80-\xff]/g, '');
    if (errors === 'replace') return s.replace(/[\x80-\xff]/g, '\ufffd');
    return s;
  }
  if (enc === 'latin1' || enc === 'iso88591' || enc === 'l1') return s;
  throw pyErr(heap, heap.t.LookupError, `unknown encoding: ${encoding}`);
}

// ============================================================================================
// Installation
// ============================================================================================

type StrMethod = (c: Ctx, args: readonly Ref[], kw: readonly string[] | null) => Ref;

/**
 * 2.7: `basestring`, the abstract base of str and unicode, inserted into their MROs
 * (`str.__mro__` is `(str, basestring, object)`).
 */
function installBasestring(heap: Heap): void {
  const t = heap.t;
  const bs = makeType(heap, { name: 'basestring', gc: false, basetype: true, layout: Kind.INSTANCE });
  defineNew(heap, bs, (h) => {
    throw typeError(h, 'The basestring type cannot be instantiated');
  });
  for (const type of [t.str, t.unicode]) {
    const td = tdOf(heap, type);
    const oldBases = td.bases;
    const oldMro = td.mro;
    td.base = bs;
    td.bases = newTuple(heap, [bs]);
    td.mro = newTuple(heap, [type, bs, heap.t.object]);
    heap.untrack(td.bases);
    heap.untrack(td.mro);
    heap.makeImmortal(td.bases);
    heap.makeImmortal(td.mro);
    heap.decref(oldBases);
    heap.decref(oldMro);
    tdOf(heap, bs).subclasses.push(type);
  }
  heap.typeEpoch++;
}

/**
 * Install str/unicode/bytes.
 *
 * @example
 * ```ts
 * installStrTypes(heap); // (installBuiltinTypes does this)
 * ```
 */
export function installStrTypes(heap: Heap): void {
  const t = heap.t;
  const v27 = is27(heap);
  if (v27) installBasestring(heap);
  const types = [...new Set([t.str, t.unicode, t.bytes])];
  for (const type of types) {
    registerSeq(heap, type, { concat: strConcat, repeat: strRepeat });
    defineStrMethods(heap, type);
  }

  // ---- constructors ------------------------------------------------------------------------
  defineNew(heap, t.str, (h, cls, args, kw) => {
    let s: string;
    if (v27) {
      const [x] = parseArgs(h, args, kw, { fname: 'str', names: ['object'], required: 0 });
      if (x === 0) s = '';
      else {
        if (cls === h.t.str && h.typ[x!] === h.t.str) return newRef(h, x!);
        s = strText(h, x!);
      }
    } else {
      const [x, encoding, errors] = parseArgs(h, args, kw, { fname: 'str', names: ['object', 'encoding', 'errors'], required: 0 });
      if (x === 0) s = '';
      else if (encoding !== 0 || errors !== 0) {
        if (h.kind[x!] !== Kind.BYTES) throw typeError(h, h.kind[x!] === Kind.STR ? 'decoding str is not supported' : `decoding to str: need a bytes-like object, ${tpName(h, x!)} found`);
        s = decodeBytes(h, h.payload[x!] as string, encoding ? (h.payload[encoding] as string) : 'utf-8', errors ? (h.payload[errors] as string) : 'strict');
      } else {
        if (cls === h.t.str && h.typ[x!] === h.t.str) return newRef(h, x!);
        s = strOf(h, x!);
      }
    }
    if (cls === h.t.str) return newStr(h, s);
    return allocOf(h, cls, Kind.STR, s);
  });
  if (v27) {
    defineNew(heap, t.unicode, (h, cls, args, kw) => {
      const [x, encoding, errors] = parseArgs(h, args, kw, { fname: 'unicode', names: ['string', 'encoding', 'errors'], required: 0 });
      let s: string;
      if (x === 0) s = '';
      else if (encoding !== 0 || errors !== 0) {
        if (isUnicode27(h, x!)) throw typeError(h, 'decoding Unicode is not supported');
        if (h.kind[x!] !== Kind.STR) throw typeError(h, `coercing to Unicode: need string or buffer, ${tpName(h, x!)} found`);
        s = decodeBytes(h, h.payload[x!] as string, encoding ? (h.payload[encoding] as string) : 'ascii', errors ? (h.payload[errors] as string) : 'strict');
      } else if (h.kind[x!] === Kind.STR) {
        if (cls === h.t.unicode && h.typ[x!] === h.t.unicode) return newRef(h, x!);
        s = asText27(h, x!);
      } else {
        const u = callUnicodeDunder(h, x!);
        s = u ?? asTextFromStr(h, strOf(h, x!));
      }
      if (cls === h.t.unicode) return newUnicode(h, s);
      return allocOf(h, cls, Kind.STR, s);
    });
  } else {
    defineNew(heap, t.bytes, (h, cls, args, kw) => {
      const [x, encoding, errors] = parseArgs(h, args, kw, { fname: 'bytes', names: ['source', 'encoding', 'errors'], required: 0 });
      let s = '';
      // bytes_new's argument checks: an encoding or errors needs a str source.
      if ((x === 0 || h.kind[x!] !== Kind.STR) && (encoding !== 0 || errors !== 0)) {
        throw typeError(h, encoding !== 0 ? 'encoding without a string argument' : 'errors without a string argument');
      }
      // bytes_new: a type's __bytes__ wins over the integer and iterable forms.
      const r = x !== 0 && h.kind[x!] !== Kind.STR && h.kind[x!] !== Kind.BYTES ? callSpecialOrNull(h, x!, '__bytes__', []) : 0;
      if (x !== 0) {
        if (h.kind[x!] === Kind.STR) {
          if (encoding === 0) throw typeError(h, 'string argument without an encoding');
          s = encodeText(h, h.payload[x!] as string, h.payload[encoding!] as string, errors ? (h.payload[errors] as string) : 'strict');
        } else if (h.kind[x!] === Kind.BYTES) {
          if (cls === h.t.bytes && h.typ[x!] === h.t.bytes) return newRef(h, x!);
          s = h.payload[x!] as string;
        } else if (r !== 0) {
          if (h.kind[r] !== Kind.BYTES) {
            const tn = tpName(h, r);
            h.decref(r);
            throw typeError(h, `__bytes__ returned non-bytes (type ${tn})`);
          }
          if (cls === h.t.bytes) return r;
          s = h.payload[r] as string;
          h.decref(r);
        } else {
          const n = indexValueOrNull(h, x!);
          if (n !== null) {
            if (typeof n === 'bigint' || n < 0) throw pyErr(h, h.t.ValueError, 'negative count');
            s = '\0'.repeat(n);
          } else {
            forEach(h, x!, (item) => {
              const b = indexValue(h, item);
              if (typeof b === 'bigint' || b < 0 || b > 255) throw pyErr(h, h.t.ValueError, 'bytes must be in range(0, 256)');
              s += String.fromCharCode(b);
            });
          }
        }
      }
      if (cls === h.t.bytes) return newBytes(h, s);
      return allocOf(h, cls, Kind.BYTES, s);
    });
  }
}

function asTextFromStr(heap: Heap, s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) throw unicodeDecodeError(heap, 'ascii', s, i, i + 1, 'ordinal not in range(128)');
  return s;
}

/**
 * 2.7 PyObject_Unicode's first step: `type(x).__unicode__(x)` (a classic instance's own
 * attribute), its result coerced to unicode (a str decoded as ASCII). Null when there is none.
 */
function callUnicodeDunder(heap: Heap, x: Ref): string | null {
  const r = callSpecialOrNull(heap, x, '__unicode__', []);
  if (r === 0) return null;
  try {
    if (heap.kind[r] !== Kind.STR) throw typeError(heap, `coercing to Unicode: need string or buffer, ${tpName(heap, r)} found`);
    return isUnicode27(heap, r) ? (heap.payload[r] as string) : asTextFromStr(heap, heap.payload[r] as string);
  } finally {
    heap.decref(r);
  }
}

function defineStrMethods(heap: Heap, type: Ref): void {
  const v27 = is27(heap);
  const tn = (heap.payload[type] as TypeData).name;
  const isBytesType = heap.kind[type] === Kind.BYTES || (tdOf(heap, type).layout === Kind.BYTES);
  const textType = !isBytesType && !(v27 && type === heap.t.str);
  const def = (name: string, fn: StrMethod) => method(heap, type, name, (h, self, args, kw) => fn(ctx(h, self), args, kw));
  const noKw = (h: Heap, name: string, kw: readonly string[] | null) => {
    if (kw !== null && kw.length > 0) throw typeError(h, `${methName(h, tn, name)}() takes no keyword arguments`);
  };
  const argMsg = (name: string) => (t: string) =>
    v27 ? 'expected a string or other character buffer object' : isBytesType ? `a bytes-like object is required, not '${t}'` : `must be str, not ${t}`;

  // ---- case ----------------------------------------------------------------------------------
  const simple = (name: string, f: (s: string, fl: Flavour) => string) =>
    def(name, (c, args, kw) => {
      checkArity(c.heap, methName(c.heap, tn, name), args, kw, 0, 0, 'none');
      return mk(c, f(c.s, c.f));
    });
  simple('upper', upper);
  simple('lower', lower);
  simple('title', title);
  simple('capitalize', capitalize);
  simple('swapcase', swapcase);
  if (textType && !v27) simple('casefold', (s) => s.toLowerCase().replace(/ß/g, 'ss'));

  // ---- predicates ----------------------------------------------------------------------------
  const pred = (name: string, test: (s: string, f: Flavour) => boolean) =>
    def(name, (c, args, kw) => {
      checkArity(c.heap, methName(c.heap, tn, name), args, kw, 0, 0, 'none');
      return pyBool(c.heap, test(c.s, c.f));
    });
  const all = (s: string, p: (ch: string) => boolean) => s.length > 0 && Array.from(s).every(p);
  pred('isalpha', (s, f) => all(s, (ch) => (f === 'bytes' ? /[A-Za-z]/.test(ch) : RE_ALPHA.test(ch))));
  pred('isdigit', (s, f) => all(s, (ch) => (f === 'bytes' ? /[0-9]/.test(ch) : RE_DIGIT.test(ch))));
  pred('isalnum', (s, f) => all(s, (ch) => (f === 'bytes' ? /[A-Za-z0-9]/.test(ch) : RE_ALPHA.test(ch) || RE_NUMERIC.test(ch))));
  pred('isspace', (s, f) => all(s, isSpaceFor(f === 'bytes')));
  pred('islower', (s, f) => {
    let cased = false;
    for (const ch of s) {
      if (isUpperCh(ch, f) || (f !== 'bytes' && RE_TITLE.test(ch))) return false;
      if (isLowerCh(ch, f)) cased = true;
    }
    return cased;
  });
  pred('isupper', (s, f) => {
    let cased = false;
    for (const ch of s) {
      if (isLowerCh(ch, f) || (f !== 'bytes' && RE_TITLE.test(ch))) return false;
      if (isUpperCh(ch, f)) cased = true;
    }
    return cased;
  });
  pred('istitle', (s, f) => {
    let cased = false;
    let prevCased = false;
    for (const ch of s) {
      const up = isUpperCh(ch, f) || (f !== 'bytes' && RE_TITLE.test(ch));
      if (up) {
        if (prevCased) return false;
        prevCased = true;
        cased = true;
      } else if (isLowerCh(ch, f)) {
        if (!prevCased) return false;
        prevCased = true;
        cased = true;
      } else prevCased = false;
    }
    return cased;
  });
  if (textType) {
    pred('isdecimal', (s) => all(s, (ch) => RE_DECIMAL.test(ch)));
    pred('isnumeric', (s) => all(s, (ch) => RE_NUMERIC.test(ch)));
    if (!v27) {
      pred('isidentifier', (s) => /^[\p{ID_Start}_][\p{ID_Continue}]*$/u.test(s));
      // CPython's Unicode database, not the JS engine's (newer) one.
      pred('isprintable', (s) => Array.from(s).every((ch) => isPrintable(ch.codePointAt(0)!)));
    }
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: Python's whitespace and ASCII sets include control characters
  if (!v27) pred('isascii', (s) => /^[\x00-\x7f]*$/.test(s));

  // ---- searching -----------------------------------------------------------------------------
  const finder = (name: string, reverse: boolean, raise: boolean) =>
    def(name, (c, args, kw) => {
      noKw(c.heap, name, kw);
      if (args.length < 1 || args.length > 3) {
        if (v27) throw typeError(c.heap, `${name}() takes at least 1 argument (${args.length} given)`.replace('at least 1', args.length < 1 ? 'at least 1' : 'at most 3'));
        throw typeError(c.heap, args.length < 1 ? `${name}() takes at least 1 argument (0 given)` : `${name}() takes at most 3 arguments (${args.length} given)`);
      }
      const sub = isBytesType && c.heap.kind[args[0]!] !== Kind.BYTES ? bytesSubArg(c, args[0]!) : strArg(c, args[0]!, (t) => (v27 ? 'expected a string or other character buffer object' : isBytesType ? `argument should be integer or bytes-like object, not '${t}'` : `must be str, not ${t}`));
      const [st, en] = startEnd(c.heap, cpLength(c.s), args[1], args[2]);
      const i = cpFind(c.s, sub, st, en, reverse);
      if (i < 0 && raise) throw pyErr(c.heap, c.heap.t.ValueError, isBytesType ? 'subsection not found' : 'substring not found');
      return newInt(c.heap, i);
    });
  finder('find', false, false);
  finder('rfind', true, false);
  finder('index', false, true);
  finder('rindex', true, true);
  def('count', (c, args, kw) => {
    noKw(c.heap, 'count', kw);
    if (args.length < 1 || args.length > 3) throw typeError(c.heap, `count() takes at least 1 argument (${args.length} given)`);
    const sub = strArg(c, args[0]!, argMsg('count'));
    const [st, en] = startEnd(c.heap, cpLength(c.s), args[1], args[2]);
    return newInt(c.heap, countSub(c.s, sub, st, en));
  });
  const affix = (name: 'startswith' | 'endswith') =>
    def(name, (c, args, kw) => {
      noKw(c.heap, name, kw);
      if (args.length < 1 || args.length > 3) throw typeError(c.heap, v27 ? `${name}() takes at least 1 argument (${args.length} given)` : `${name}() takes at least 1 argument (${args.length} given)`);
      const h = c.heap;
      const p = args[0]!;
      const [st, en] = startEnd(h, cpLength(c.s), args[1], args[2]);
      const region = st > en ? null : cpSub(c.s, st, en);
      const test = (r: Ref): boolean => {
        const x = strArg(c, r, (t) =>
          v27
            ? `${name} first arg must be str, unicode, or tuple, not ${t}`
            : isBytesType
              ? `${name} first arg must be bytes or a tuple of bytes, not ${t}`
              : `${name} first arg must be str or a tuple of str, not ${t}`,
        );
        if (region === null) return false;
        return name === 'startswith' ? region.startsWith(x) : region.endsWith(x);
      };
      if (h.kind[p] === Kind.TUPLE) {
        for (const item of h.payload[p] as Ref[]) {
          if (h.kind[item] !== h.kind[c.self]) {
            throw typeError(h, v27 ? 'expected a string or other character buffer object' : isBytesType ? `a bytes-like object is required, not '${tpName(h, item)}'` : `tuple for ${name} must only contain str, not ${tpName(h, item)}`);
          }
          if (test(item)) return pyBool(h, true);
        }
        return pyBool(h, false);
      }
      return pyBool(h, test(p));
    });
  affix('startswith');
  affix('endswith');
  if (!v27) {
    for (const name of ['removeprefix', 'removesuffix'] as const) {
      def(name, (c, args, kw) => {
        checkArity(c.heap, methName(c.heap, tn, name), args, kw, 1, 1, 'one');
        const x = strArg(c, args[0]!, (t) => (isBytesType ? `a bytes-like object is required, not '${t}'` : `${name}() argument must be str, not ${t}`));
        if (name === 'removeprefix' && x.length > 0 && c.s.startsWith(x)) return mk(c, c.s.slice(x.length));
        if (name === 'removesuffix' && x.length > 0 && c.s.endsWith(x)) return mk(c, c.s.slice(0, c.s.length - x.length));
        return exactOrCopy(c);
      });
    }
  }

  // ---- splitting / joining -------------------------------------------------------------------
  for (const name of ['split', 'rsplit'] as const) {
    def(name, (c, args, kw) => {
      const h = c.heap;
      if (v27 && kw !== null && kw.length > 0) throw typeError(h, `${name}() takes no keyword arguments`);
      const [sepR, maxR] = parseArgs(h, args, kw, { fname: name, names: ['sep', 'maxsplit'], required: 0 });
      const sep = optStrArg(c, sepR, (t) => (v27 ? 'expected a string or other character buffer object' : isBytesType ? `a bytes-like object is required, not '${t}'` : `must be str or None, not ${t}`));
      const max = maxR === 0 ? -1 : ssizeValue(h, maxR!);
      if (sep === null) {
        const sp = isSpaceFor(c.f === 'bytes');
        return listOfStrs(c, name === 'split' ? splitWhitespace(c.s, max, sp) : rsplitWhitespace(c.s, max, sp));
      }
      if (sep.length === 0) throw pyErr(h, h.t.ValueError, 'empty separator');
      return listOfStrs(c, name === 'split' ? splitSep(c.s, sep, max) : rsplitSep(c.s, sep, max));
    });
  }
  def('splitlines', (c, args, kw) => {
    const h = c.heap;
    const [ke] = parseArgs(h, args, kw, { fname: 'splitlines', names: ['keepends'], required: 0 });
    const keep = ke !== 0 && ke !== undefined && ke !== h.False && !(h.kind[ke] === Kind.INT && h.payload[ke] === 0);
    return listOfStrs(c, splitlines(c.s, keep, c.f));
  });
  for (const name of ['partition', 'rpartition'] as const) {
    def(name, (c, args, kw) => {
      checkArity(c.heap, methName(c.heap, tn, name), args, kw, 1, 1, 'one');
      const sep = strArg(c, args[0]!, argMsg(name));
      if (sep.length === 0) throw pyErr(c.heap, c.heap.t.ValueError, 'empty separator');
      const i = name === 'partition' ? c.s.indexOf(sep) : c.s.lastIndexOf(sep);
      if (i < 0) return tupleOfStrs(c, name === 'partition' ? [c.s, '', ''] : ['', '', c.s]);
      return tupleOfStrs(c, [c.s.slice(0, i), sep, c.s.slice(i + sep.length)]);
    });
  }
  def('join', (c, args, kw) => {
    const h = c.heap;
    checkArity(h, methName(h, tn, 'join'), args, kw, 1, 1, 'one');
    const parts: string[] = [];
    let only: Ref = 0;
    let count = 0;
    let uni = false;
    forEach(h, args[0]!, (item) => {
      const k = h.kind[item];
      if (isBytesType ? k !== Kind.BYTES : k !== Kind.STR) {
        if (v27) throw typeError(h, `sequence item ${count}: expected string, ${tpName(h, item)} found`);
        throw typeError(h, isBytesType ? `sequence item ${count}: expected a bytes-like object, ${tpName(h, item)} found` : `sequence item ${count}: expected str instance, ${tpName(h, item)} found`);
      }
      if (v27 && isUnicode27(h, item)) uni = true;
      parts.push(h.payload[item] as string);
      if (count === 0) only = item;
      count++;
    });
    if (v27 && (uni || isUnicode27(h, c.self))) {
      // Promote everything to unicode (ASCII-decoding str items).
      c.s = asText27(h, c.self);
      for (const p of parts) asTextFromStr(h, isUnicode27(h, c.self) ? p : p);
      c.promoted = true;
    }
    if (count === 1 && !c.promoted && h.typ[only] === h.typ[c.self] && (h.typ[only] === h.t.str || h.typ[only] === h.t.bytes)) {
      // A one-item join of an exact string returns the item itself.
      return newRef(h, only);
    }
    return mk(c, parts.join(c.s));
  });

  // ---- stripping / padding -------------------------------------------------------------------
  for (const [name, l, r] of [
    ['strip', true, true],
    ['lstrip', true, false],
    ['rstrip', false, true],
  ] as const) {
    def(name, (c, args, kw) => {
      checkArity(c.heap, [name, name], args, kw, 0, 1, ['parse', 'unpack']);
      const chars = optStrArg(c, args[0], () => (v27 ? `${name} arg must be None, str or unicode` : isBytesType ? `a bytes-like object is required, not '${tpName(c.heap, args[0]!)}'` : `${name} arg must be None or str`));
      const out = stripChars(c.s, chars, l, r, isSpaceFor(c.f === 'bytes'));
      if (out.length === c.s.length) return exactOrCopy(c);
      return mk(c, out);
    });
  }
  def('center', (c, args, kw) => padTo(c.heap, c, args, kw, 'center', 'center'));
  def('ljust', (c, args, kw) => padTo(c.heap, c, args, kw, 'ljust', 'ljust'));
  def('rjust', (c, args, kw) => padTo(c.heap, c, args, kw, 'rjust', 'rjust'));
  def('zfill', (c, args, kw) => {
    checkArity(c.heap, methName(c.heap, tn, 'zfill'), args, kw, 1, 1, v27 ? 'parse' : 'one');
    const width = ssizeValue(c.heap, args[0]!);
    const len = cpLength(c.s);
    if (width <= len) return exactOrCopy(c);
    const fill = width - len;
    let s = '0'.repeat(fill) + c.s;
    if (c.s[0] === '+' || c.s[0] === '-') s = c.s[0] + '0'.repeat(fill) + c.s.slice(1);
    return mk(c, s);
  });
  def('expandtabs', (c, args, kw) => {
    const [ts] = parseArgs(c.heap, args, kw, { fname: 'expandtabs', names: ['tabsize'], required: 0 });
    const size = ts === 0 ? 8 : ssizeValue(c.heap, ts!);
    let out = '';
    let col = 0;
    for (const ch of c.s) {
      if (ch === '\t') {
        if (size > 0) {
          const n = size - (col % size);
          out += ' '.repeat(n);
          col += n;
        }
      } else {
        out += ch;
        col = ch === '\n' || ch === '\r' ? 0 : col + 1;
      }
    }
    return mk(c, out);
  });

  // ---- replace / translate -------------------------------------------------------------------
  def('replace', (c, args, kw) => {
    const h = c.heap;
    if (v27) checkArity(h, 'replace', args, kw, 2, 3, 'parse');
    else if (kw !== null && kw.length > 0) {
      if (kw.length === 1 && kw[0] === 'count' && args.length === 3) {
        /* 3.13+ only; 3.12 rejects */
      }
      throw typeError(h, `replace() takes no keyword arguments`);
    } else checkArity(h, 'replace', args, kw, 2, 3, 'unpack');
    const old = strArg(c, args[0]!, (t) => (v27 ? 'expected a string or other character buffer object' : isBytesType ? `a bytes-like object is required, not '${t}'` : `replace() argument 1 must be str, not ${t}`));
    const rep = strArg(c, args[1]!, (t) => (v27 ? 'expected a string or other character buffer object' : isBytesType ? `a bytes-like object is required, not '${t}'` : `replace() argument 2 must be str, not ${t}`));
    let count = args.length > 2 ? ssizeValue(h, args[2]!) : -1;
    if (count < 0) count = Number.MAX_SAFE_INTEGER;
    let out = '';
    if (old.length === 0) {
      const cps = Array.from(c.s);
      let n = 0;
      for (let i = 0; i <= cps.length; i++) {
        if (n < count) {
          out += rep;
          n++;
        }
        if (i < cps.length) out += cps[i];
      }
    } else {
      let i = 0;
      let n = 0;
      while (n < count) {
        const j = c.s.indexOf(old, i);
        if (j < 0) break;
        out += c.s.slice(i, j) + rep;
        i = j + old.length;
        n++;
      }
      if (n === 0) return exactOrCopy(c);
      out += c.s.slice(i);
    }
    return mk(c, out);
  });
  def('translate', (c, args, kw) => {
    const h = c.heap;
    checkArity(h, methName(h, tn, 'translate'), args, kw, 1, 2, 'unpack');
    const table = args[0]!;
    let out = '';
    if (c.f === 'bytes') {
      const del = args.length > 1 ? (h.payload[args[1]!] as string) : '';
      const tab = table === h.None ? null : (h.payload[table] as string);
      if (tab !== null && tab.length !== 256) throw pyErr(h, h.t.ValueError, 'translation table must be 256 characters long');
      for (const ch of c.s) {
        if (del.includes(ch)) continue;
        out += tab === null ? ch : tab[ch.charCodeAt(0)];
      }
      return mk(c, out);
    }
    for (const ch of c.s) {
      const key = newInt(h, ch.codePointAt(0)!);
      let v: Ref;
      try {
        v = getItem(h, table, key);
      } catch (e) {
        if (h.isExceptionOf(e, h.t.LookupError)) {
          h.decref(e.exc);
          out += ch;
          continue;
        }
        throw e;
      } finally {
        h.decref(key);
      }
      try {
        if (v === h.None) continue;
        if (h.kind[v] === Kind.INT) out += String.fromCodePoint(Number(h.payload[v]));
        else if (h.kind[v] === Kind.STR) out += h.payload[v] as string;
        else throw typeError(h, 'character mapping must return integer, None or str');
      } finally {
        h.decref(v);
      }
    }
    return mk(c, out);
  });
  if (textType && !v27) {
    method(
      heap,
      type,
      'maketrans',
      (h, _cls, args, kw) => {
        checkArity(h, 'maketrans', args, kw, 1, 3, 'unpack');
        const d = newDictFrom(h);
        try {
          if (args.length === 1) {
            const x = args[0]!;
            if (h.kind[x] !== Kind.DICT) throw typeError(h, 'if you give only one argument to maketrans it must be a dict');
            const e = dictEntriesOf(h, x);
            for (let i = 0; i < e.length; i += 2) {
              let k = e[i]!;
              let owned = false;
              if (h.kind[k] === Kind.STR) {
                if (cpLength(h.payload[k] as string) !== 1) throw pyErr(h, h.t.ValueError, 'string keys in translate table must be of length 1');
                k = newInt(h, (h.payload[k] as string).codePointAt(0)!);
                owned = true;
              }
              setItemDict(h, d, k, e[i + 1]!);
              if (owned) h.decref(k);
            }
          } else {
            const a = Array.from(h.payload[args[0]!] as string);
            const b = Array.from(h.payload[args[1]!] as string);
            if (a.length !== b.length) throw pyErr(h, h.t.ValueError, 'the first two maketrans arguments must have equal length');
            a.forEach((ch, i) => {
              const k = newInt(h, ch.codePointAt(0)!);
              const v = newInt(h, b[i]!.codePointAt(0)!);
              setItemDict(h, d, k, v);
              h.decref(k);
              h.decref(v);
            });
            if (args.length > 2) {
              for (const ch of h.payload[args[2]!] as string) {
                const k = newInt(h, ch.codePointAt(0)!);
                setItemDict(h, d, k, h.None);
                h.decref(k);
              }
            }
          }
        } catch (e) {
          h.decref(d);
          throw e;
        }
        return d;
      },
      { binding: 'static' },
    );
  }

  // ---- encode / decode ----------------------------------------------------------------------
  if (textType || v27) {
    def('encode', (c, args, kw) => {
      const h = c.heap;
      const [encR, errR] = parseArgs(h, args, kw, { fname: 'encode', names: ['encoding', 'errors'], required: 0 });
      const enc = encR === 0 ? (v27 ? 'ascii' : 'utf-8') : (h.payload[encR!] as string);
      const errors = errR === 0 ? 'strict' : (h.payload[errR!] as string);
      const text = v27 && !isUnicode27(h, c.self) ? asText27(h, c.self) : c.s;
      const out = encodeText(h, text, enc, errors);
      return v27 ? newStr(h, out) : newBytes(h, out);
    });
  }
  if (isBytesType || (v27 && type === heap.t.str) || (v27 && type === heap.t.unicode)) {
    def('decode', (c, args, kw) => {
      const h = c.heap;
      const [encR, errR] = parseArgs(h, args, kw, { fname: 'decode', names: ['encoding', 'errors'], required: 0 });
      const enc = encR === 0 ? (v27 ? 'ascii' : 'utf-8') : (h.payload[encR!] as string);
      const errors = errR === 0 ? 'strict' : (h.payload[errR!] as string);
      const bytes = v27 && isUnicode27(h, c.self) ? encodeText(h, c.s, 'ascii', 'strict') : c.s;
      const out = decodeBytes(h, bytes, enc, errors);
      return v27 ? newUnicode(h, out) : newStr(h, out);
    });
  }
  if (isBytesType) {
    def('hex', (c) => newStr(c.heap, Array.from(c.s, (ch) => ch.charCodeAt(0).toString(16).padStart(2, '0')).join('')));
  }

  // ---- dunders -------------------------------------------------------------------------------
  method(heap, type, '__len__', (h, self, args, kw) => {
    checkArity(h, '__len__', args, kw, 0, 0, 'none');
    return newInt(h, cpLength(h.payload[self] as string));
  });
  setSlot(heap, type, 'len', (h, self) => cpLength(h.payload[self] as string));
  method(heap, type, '__contains__', (h, self, args, kw) => {
    checkArity(h, '__contains__', args, kw, 1, 1, 'one');
    return pyBool(h, containsOp(h, self, args[0]!));
  });
  method(heap, type, '__getitem__', (h, self, args, kw) => {
    checkArity(h, '__getitem__', args, kw, 1, 1, 'one');
    return getItem(h, self, args[0]!);
  });
  method(heap, type, '__add__', (h, self, args, kw) => {
    checkArity(h, '__add__', args, kw, 1, 1, 'one');
    return strConcat(h, self, args[0]!);
  });
  for (const name of ['__mul__', '__rmul__']) {
    method(heap, type, name, (h, self, args, kw) => {
      checkArity(h, name, args, kw, 1, 1, 'one');
      const n = indexValueOrNull(h, args[0]!);
      if (n === null) return newRef(h, h.NotImplemented);
      return strRepeat(h, self, typeof n === 'bigint' ? (n < 0n ? 0 : Number.MAX_SAFE_INTEGER) : n);
    });
  }
  method(heap, type, '__hash__', (h, self) => newInt(h, hashToBigInt(hashOf(h, self), HASH_HI[0]!)));
  method(heap, type, '__repr__', (h, self) => newStr(h, reprOfBuiltinStr(h, self)));
  method(heap, type, '__str__', (h, self) => {
    if (h.typ[self] === h.t.str) return newRef(h, self);
    if (h.kind[self] === Kind.BYTES) return newStr(h, reprOfBuiltinStr(h, self));
    return newStrLike(h, h.payload[self] as string, self);
  });
  method(heap, type, '__getnewargs__', (h, self) => {
    const s = newStrLike(h, h.payload[self] as string, self);
    const r = newTuple(h, [s]);
    h.decref(s);
    return r;
  });
  const rich = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];
  rich.forEach((name, op) => {
    method(heap, type, name, (h, self, args, kw) => {
      checkArity(h, name, args, kw, 1, 1, 'one');
      return builtinRich(h, self, args[0]!, op as CompareOp);
    });
  });
  void defineNumberDunders;
  void registerNb;
}

function bytesSubArg(c: Ctx, r: Ref): string {
  const v = indexValueOrNull(c.heap, r);
  if (v === null) throw typeError(c.heap, `argument should be integer or bytes-like object, not '${tpName(c.heap, r)}'`);
  if (typeof v === 'bigint' || v < 0 || v > 255) throw pyErr(c.heap, c.heap.t.ValueError, 'byte must be in range(0, 256)');
  return String.fromCharCode(v);
}

/** The builtin repr of a string object (ignoring subclass overrides). */
function reprOfBuiltinStr(heap: Heap, r: Ref): string {
  const s = heap.payload[r] as string;
  if (heap.kind[r] === Kind.BYTES) return `b${strRepr(s, 'bytes')}`;
  if (is27(heap)) return isUnicode27(heap, r) ? `u${strRepr(s, 'unicode27')}` : strRepr(s, 'bytes');
  return strRepr(s, 'str3');
}

function newDictFrom(heap: Heap): Ref {
  return newDict(heap);
}

function dictEntriesOf(heap: Heap, d: Ref): Ref[] {
  const out: Ref[] = [];
  const store = (heap.payload[d] as { store: { next(p: number): number; keyAt(p: number): Ref; valueAt(p: number): Ref } }).store;
  for (let p = store.next(0); p >= 0; p = store.next(p + 1)) out.push(store.keyAt(p), store.valueAt(p));
  return out;
}

function setItemDict(heap: Heap, d: Ref, k: Ref, v: Ref): void {
  dictSetItem(heap, d, k, v);
}

export { strConcat, strRepeat, encodeText, decodeBytes, asText27, adjustIndices };
