/**
 * Decoding of Python string literal tokens into {@link ConstValue}s.
 *
 * @module
 */
import type { Dialect } from './source.js';
import { lookupUnicodeName } from './unicode_names.js';

/**
 * Raised for a bad literal; the parser turns it into a PySyntaxError at the token.
 *
 * @example
 * ```ts
 * try { unescapeLiteral('\\x4', 'text', '3.12'); } catch (e) { e instanceof LiteralError; } // true
 * ```
 */
export class LiteralError extends Error {}

export interface DecodedString {
  kind: 'str' | 'unicode' | 'bytes';
  value: string;
  /** 3.12: the literal had a `u` prefix (Constant.kind = 'u'). */
  u: boolean;
  fstring: boolean;
  raw: boolean;
}

export interface StringContext {
  dialect: Dialect;
  /** 2.7 `from __future__ import unicode_literals`. */
  unicodeLiterals: boolean;
  /** 2.7 declared source encoding (affects the bytes of plain str literals). */
  encoding: string | null;
  /** 3.12: told the first invalid escape of a literal (see {@link unescapeLiteral}). */
  onInvalidEscape?: (message: string) => void;
}

function utf8Bytes(s: string): string {
  // Encode `s` to UTF-8 and return one char per byte.
  let out = '';
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out += s[i];
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x800) out += String.fromCharCode(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out += String.fromCharCode(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else
      out += String.fromCharCode(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

const SIMPLE: Record<string, string> = {
  '\n': '',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

function isHex(c: string | undefined): boolean {
  return c !== undefined && /^[0-9a-fA-F]$/.test(c);
}

/**
 * Process backslash escapes.
 * mode 'text': a text string (3.12 str, 2.7 unicode) — \u \U \N allowed.
 * mode 'bytes': a byte string (3.12 bytes, 2.7 str) — body already one char per byte.
 *
 * @example
 * ```ts
 * unescapeLiteral('a\\tb\\u00e9', 'text', '3.12'); // 'a\tbé'
 * unescapeLiteral('\\777', 'bytes', '2.7'); // '\xff'
 * ```
 */
export function unescapeLiteral(body: string, mode: 'text' | 'bytes', dialect: Dialect, onInvalid?: (message: string) => void): string {
  if (body.indexOf('\\') < 0) return body;
  // 3.12 warns about the first escape it does not know (or an octal one above 0o377).
  let invalid: string | null = null;
  const r = unescapeBody(body, mode, dialect, (m) => {
    if (invalid === null) invalid = m;
  });
  if (invalid !== null && onInvalid !== undefined) onInvalid(invalid);
  return r;
}

function unescapeBody(body: string, mode: 'text' | 'bytes', dialect: Dialect, noteInvalid: (message: string) => void): string {
  let out = '';
  let i = 0;
  const n = body.length;
  const uerr = (what: string, from: number, to: number): never => {
    if (mode === 'bytes') {
      if (what.startsWith('truncated \\x')) {
        throw new LiteralError(
          dialect === '3.12' ? `(value error) invalid \\x escape at position ${from}` : 'invalid \\x escape',
        );
      }
    }
    throw new LiteralError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${from}-${to}: ${what}`);
  };
  while (i < n) {
    const bs = body.indexOf('\\', i);
    if (bs < 0) {
      out += body.slice(i);
      break;
    }
    out += body.slice(i, bs);
    const c = body[bs + 1];
    if (c === undefined) {
      out += '\\';
      i = bs + 1;
      break;
    }
    const simple = SIMPLE[c];
    if (simple !== undefined) {
      out += simple;
      i = bs + 2;
      continue;
    }
    if (c >= '0' && c <= '7') {
      let j = bs + 1;
      let v = 0;
      while (j < n && j < bs + 4 && body[j]! >= '0' && body[j]! <= '7') {
        v = v * 8 + (body.charCodeAt(j) - 48);
        j++;
      }
      if (v > 0o377) noteInvalid(`invalid octal escape sequence '\\${body.slice(bs + 1, j)}'`);
      if (mode === 'bytes') v &= 0xff;
      out += String.fromCharCode(v);
      i = j;
      continue;
    }
    if (c === 'x') {
      if (isHex(body[bs + 2]) && isHex(body[bs + 3])) {
        out += String.fromCharCode(Number.parseInt(body.slice(bs + 2, bs + 4), 16));
        i = bs + 4;
        continue;
      }
      let end = bs + 2;
      while (end < n && end < bs + 4 && isHex(body[end])) end++;
      uerr('truncated \\xXX escape', bs, end - 1);
    }
    if (mode === 'text' && (c === 'u' || c === 'U')) {
      const len = c === 'u' ? 4 : 8;
      let j = bs + 2;
      while (j < bs + 2 + len && isHex(body[j])) j++;
      if (j < bs + 2 + len) uerr(c === 'u' ? 'truncated \\uXXXX escape' : 'truncated \\UXXXXXXXX escape', bs, j - 1);
      const v = Number.parseInt(body.slice(bs + 2, j), 16);
      if (v > 0x10ffff) uerr('illegal Unicode character', bs, j - 1);
      out += String.fromCodePoint(v);
      i = j;
      continue;
    }
    if (mode === 'text' && c === 'N') {
      if (body[bs + 2] !== '{') uerr('malformed \\N character escape', bs, bs + 1);
      const close = body.indexOf('}', bs + 3);
      if (close < 0) uerr('malformed \\N character escape', bs, n - 1);
      const name = body.slice(bs + 3, close);
      const cp = name.length > 0 ? lookupUnicodeName(name) : undefined;
      if (cp === undefined) uerr(name.length > 0 ? 'unknown Unicode character name' : 'malformed \\N character escape', bs, close);
      out += String.fromCodePoint(cp as number);
      i = close + 1;
      continue;
    }
    // unknown escape: kept as is
    noteInvalid(`invalid escape sequence '\\${String.fromCodePoint(body.codePointAt(bs + 1)!)}'`);
    out += '\\';
    i = bs + 1;
  }
  return out;
}

/** 2.7 raw unicode (`ur''`): only \uXXXX / \UXXXXXXXX after an odd run of backslashes. */
function rawUnicodeEscape(body: string): string {
  let out = '';
  let i = 0;
  while (i < body.length) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    let j = i;
    while (body[j] === '\\') j++;
    const run = j - i;
    const nx = body[j];
    if (run % 2 === 1 && (nx === 'u' || nx === 'U')) {
      const len = nx === 'u' ? 4 : 8;
      let k = j + 1;
      while (k < j + 1 + len && isHex(body[k])) k++;
      if (k < j + 1 + len) {
        throw new LiteralError(
          `(unicode error) 'rawunicodeescape' codec can't decode bytes in position ${j - 1}-${k - 1}: truncated \\${nx === 'u' ? 'uXXXX' : 'UXXXXXXXX'}`,
        );
      }
      out += '\\'.repeat(run - 1) + String.fromCodePoint(Number.parseInt(body.slice(j + 1, k), 16));
      i = k;
      continue;
    }
    out += body.slice(i, j);
    i = j;
  }
  return out;
}

/**
 * Split a literal token into prefix (lower-cased), quote length, and body.
 *
 * @example
 * ```ts
 * splitLiteral("Rb'''x'''"); // { prefix: 'rb', quoteLen: 3, body: 'x' }
 * ```
 */
export function splitLiteral(tok: string): { prefix: string; quoteLen: number; body: string } {
  let p = 0;
  while (tok[p] !== '"' && tok[p] !== "'") p++;
  const q = tok[p]!;
  const quoteLen = tok[p + 1] === q && tok[p + 2] === q && tok.length >= p + 6 ? 3 : 1;
  return { prefix: tok.slice(0, p).toLowerCase(), quoteLen, body: tok.slice(p + quoteLen, tok.length - quoteLen) };
}

/**
 * Decode one (non-f) string literal token.
 *
 * @example
 * ```ts
 * decodeString("b'\\x41'", { dialect: '3.12', unicodeLiterals: false, encoding: null }).value; // 'A'
 * ```
 */
export function decodeString(tok: string, ctx: StringContext): DecodedString {
  const { prefix, body } = splitLiteral(tok);
  const raw = prefix.includes('r');
  const b = prefix.includes('b');
  const u = prefix.includes('u');
  if (ctx.dialect === '3.12') {
    if (b) {
      for (let i = 0; i < body.length; i++) {
        if (body.charCodeAt(i) >= 128) throw new LiteralError('bytes can only contain ASCII literal characters');
      }
      return { kind: 'bytes', value: raw ? body : unescapeLiteral(body, 'bytes', '3.12', ctx.onInvalidEscape), u: false, fstring: false, raw };
    }
    return { kind: 'str', value: raw ? body : unescapeLiteral(body, 'text', '3.12', ctx.onInvalidEscape), u, fstring: false, raw };
  }
  // 2.7
  const isUnicode = u || (!b && ctx.unicodeLiterals);
  if (isUnicode) {
    return { kind: 'unicode', value: raw ? rawUnicodeEscape(body) : unescapeLiteral(body, 'text', '2.7'), u: false, fstring: false, raw };
  }
  const enc = ctx.encoding;
  const bytes = enc === 'latin-1' || enc === 'iso-8859-1' || enc === 'latin1' || enc === 'iso8859-1' ? body : utf8Bytes(body);
  return { kind: 'str', value: raw ? bytes : unescapeLiteral(bytes, 'bytes', '2.7'), u: false, fstring: false, raw };
}

/**
 * Decode the literal part of a 3.12 f-string (FMIDDLE token value).
 *
 * @example
 * ```ts
 * decodeFStringText('a\\n', false); // 'a\n'
 * decodeFStringText('a\\n', true); // 'a\\n'
 * ```
 */
export function decodeFStringText(text: string, raw: boolean, onInvalid?: (message: string) => void): string {
  return raw ? text : unescapeLiteral(text, 'text', '3.12', onInvalid);
}
