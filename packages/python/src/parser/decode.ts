/**
 * Turning a Python source file's bytes into the string `parse()` takes,
 * following PEP 263 (coding cookie in the first two lines) and the UTF-8 BOM,
 * with CPython's errors for undeclared non-ASCII (2.7) / non-UTF-8 (3.12).
 *
 * @module
 */
import { PySyntaxError } from './errors.js';
import type { Dialect } from './source.js';

const COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

function canonical(enc: string): string {
  const e = enc.toLowerCase().replace(/_/g, '-');
  if (e === 'utf-8' || e === 'utf8' || e.startsWith('utf-8-')) return 'utf-8';
  if (['latin-1', 'latin1', 'iso-8859-1', 'iso8859-1', 'l1', 'iso-latin-1', 'cp819'].includes(e)) return 'latin1';
  return e;
}

/** First two lines of `bytes` as ASCII-ish text (for the cookie). */
function headLines(bytes: Uint8Array): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length && out.length < 2; i++) {
    if (i === bytes.length || bytes[i] === 10) {
      out.push(String.fromCharCode(...bytes.subarray(start, Math.min(i, start + 400))));
      start = i + 1;
    }
  }
  return out;
}

/**
 * Decode a source file.  Returns the text and the declared encoding (null
 * when none was declared).
 *
 * @example
 * ```ts
 * const bytes = new TextEncoder().encode('# -*- coding: utf-8 -*-\nx = 1\n');
 * decodeSource(bytes, { dialect: '2.7' }).encoding; // 'utf-8'
 * ```
 */
export function decodeSource(
  bytes: Uint8Array,
  options: { dialect: Dialect; filename?: string },
): { text: string; encoding: string | null } {
  const filename = options.filename ?? '<unknown>';
  let b = bytes;
  let bom = false;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    b = b.subarray(3);
    bom = true;
  }
  let encoding: string | null = null;
  const lines = headLines(b);
  for (let k = 0; k < lines.length; k++) {
    const m = COOKIE.exec(lines[k]!);
    if (m) {
      encoding = m[1]!;
      break;
    }
    if (!/^[ \t\f]*(#.*)?\r?$/.test(lines[k]!)) break;
  }
  if (bom && encoding !== null && canonical(encoding) !== 'utf-8') {
    throw new PySyntaxError({ msg: `encoding problem: ${encoding} with BOM`, filename, lineno: 1, offset: 0, text: null });
  }
  const enc = encoding !== null ? canonical(encoding) : bom ? 'utf-8' : options.dialect === '2.7' ? 'ascii' : 'utf-8';
  if (enc === 'ascii' || (enc === 'utf-8' && encoding === null)) {
    // find the first non-ASCII (2.7) / invalid UTF-8 (3.12) byte
    let line = 1;
    for (let i = 0; i < b.length; i++) {
      const c = b[i]!;
      if (c === 10) line++;
      if (c < 0x80) continue;
      if (enc === 'ascii') {
        const hex = c.toString(16).padStart(2, '0');
        throw new PySyntaxError({
          msg: `Non-ASCII character '\\x${hex}' in file ${filename} on line ${line}, but no encoding declared; see http://python.org/dev/peps/pep-0263/ for details`,
          filename, lineno: line, offset: 0, text: null,
        });
      }
      break;
    }
  }
  if (enc === 'latin1') {
    let text = '';
    for (let i = 0; i < b.length; i += 8192) text += String.fromCharCode(...b.subarray(i, i + 8192));
    return { text, encoding };
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(enc === 'ascii' ? 'utf-8' : enc, { fatal: true });
  } catch {
    throw new PySyntaxError({ msg: `unknown encoding: ${encoding}`, filename, lineno: 1, offset: 0, text: null });
  }
  try {
    return { text: decoder.decode(b), encoding };
  } catch {
    // locate the first undecodable byte for the message
    let line = 1;
    let i = 0;
    for (; i < b.length; i++) {
      if (b[i] === 10) line++;
      if (b[i]! >= 0x80) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(i, i + 4));
        } catch {
          break;
        }
      }
    }
    const hex = (b[i] ?? 0).toString(16).padStart(2, '0');
    const msg =
      encoding === null
        ? `Non-UTF-8 code starting with '\\x${hex}' in file ${filename} on line ${line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details`
        : `(unicode error) '${canonical(encoding)}' codec can't decode byte 0x${hex}`;
    throw new PySyntaxError({ msg, filename, lineno: line, offset: 0, text: null });
  }
}
