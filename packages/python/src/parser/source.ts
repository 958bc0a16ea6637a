/**
 * Source text bookkeeping shared by the tokenizer and the parser: newline
 * normalisation, line tables, UTF-8 byte columns and error construction.
 *
 * @module
 */
import { PySyntaxError, type SyntaxErrorKind } from './errors.js';

export type Dialect = '2.7' | '3.12';

function utf8Len(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdfff) n += 2; // half of a 4-byte sequence
    else n += 3;
  }
  return n;
}

/**
 * Normalised source text (CRLF and lone CR become LF) with a line table.
 *
 * @example
 * ```ts
 * const src = new Source('x = "é"\r\ny\n', 'a.py', '3.12');
 * src.lineText(1); // 'x = "é"'
 * src.byteCol(1, 6); // 7 (é is two UTF-8 bytes)
 * ```
 *
 * Lines are 1-based; columns handed around internally are UTF-16 offsets from
 * the start of the line and are converted to UTF-8 bytes (`byteCol`) for the
 * AST and to code points (`pointCol`) for 3.12 error offsets.
 */
export class Source {
  readonly text: string;
  readonly filename: string;
  readonly dialect: Dialect;
  /** lineStarts[i] = index in `text` where line i+1 starts. */
  readonly lineStarts: number[];
  private readonly asciiLine: (boolean | undefined)[] = [];

  constructor(raw: string, filename: string, dialect: Dialect) {
    let text = raw;
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.indexOf('\r') >= 0) text = text.replace(/\r\n?/g, '\n');
    this.text = text;
    this.filename = filename;
    this.dialect = dialect;
    const starts = [0];
    let i = text.indexOf('\n');
    while (i >= 0) {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    this.lineStarts = starts;
  }

  /** Line text without its newline. */
  lineText(line: number): string {
    const s = this.lineStarts[line - 1];
    if (s === undefined) return '';
    const e = line < this.lineStarts.length ? this.lineStarts[line]! - 1 : this.text.length;
    return this.text.slice(s, e);
  }

  /** Is the line pure ASCII (so byte, code point and UTF-16 columns agree)? Cached. */
  isAscii(line: number): boolean {
    let a = this.asciiLine[line];
    if (a === undefined) {
      const text = this.lineText(line);
      a = true;
      for (let i = 0; i < text.length; i++) {
        if (text.charCodeAt(i) >= 128) {
          a = false;
          break;
        }
      }
      this.asciiLine[line] = a;
    }
    return a;
  }

  private readonly byteTables = new Map<number, Int32Array>();

  /** For a non-ASCII line: table[i] = UTF-8 bytes before UTF-16 column i (built once). */
  private byteTable(line: number): Int32Array {
    let t = this.byteTables.get(line);
    if (t === undefined) {
      const s = this.lineStarts[line - 1] ?? 0;
      const len = this.lineText(line).length;
      t = new Int32Array(len + 2);
      for (let i = 0; i <= len; i++) t[i + 1] = t[i]! + utf8Len(this.text, s + i, s + i + 1);
      this.byteTables.set(line, t);
    }
    return t;
  }

  /** UTF-8 byte column of a UTF-16 column on `line`. */
  byteCol(line: number, col: number): number {
    if (col <= 0 || this.isAscii(line)) return col;
    const t = this.byteTable(line);
    return col < t.length ? t[col]! : t[t.length - 1]! + (col - t.length + 1);
  }

  /** UTF-16 column of a UTF-8 byte column on `line` (inverse of byteCol). */
  charCol(line: number, byteCol: number): number {
    if (byteCol <= 0 || this.isAscii(line)) return byteCol;
    const t = this.byteTable(line);
    let lo = 0;
    let hi = t.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (t[mid]! < byteCol) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Code point column of a UTF-16 column on `line`. */
  pointCol(line: number, col: number): number {
    if (col <= 0 || this.isAscii(line)) return col;
    const s = this.lineStarts[line - 1] ?? 0;
    let n = 0;
    for (let i = s; i < s + col; i++) {
      const c = this.text.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) n++;
    }
    return n;
  }

  /** 1-based error offset for a UTF-16 column, in CPython's unit for the dialect. */
  errOffset(line: number, col: number): number {
    return (this.dialect === '2.7' ? this.byteCol(line, col) : this.pointCol(line, col)) + 1;
  }

  /** Line and UTF-16 column of an index into `text`. */
  locate(index: number): { line: number; col: number } {
    const ls = this.lineStarts;
    let lo = 0;
    let hi = ls.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ls[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: index - ls[lo]! };
  }

  /**
   * Build a PySyntaxError at (line, UTF-16 col).  `offset` may be given
   * directly (already 1-based) to copy an odd CPython convention.
   */
  error(
    msg: string,
    line: number,
    col: number,
    opts: { kind?: SyntaxErrorKind; endLine?: number; endCol?: number; offset?: number; noText?: boolean } = {},
  ): PySyntaxError {
    const lt = line >= 1 && line <= this.lineStarts.length ? this.lineText(line) : null;
    const init: ConstructorParameters<typeof PySyntaxError>[0] = {
      msg,
      filename: this.filename,
      lineno: line,
      offset: opts.offset ?? this.errOffset(line, col),
      text: opts.noText || lt === null ? null : `${lt}\n`,
      kind: opts.kind ?? 'SyntaxError',
    };
    if (opts.endLine !== undefined && opts.endCol !== undefined) {
      init.end_lineno = opts.endLine;
      init.end_offset = this.errOffset(opts.endLine, opts.endCol);
    }
    return new PySyntaxError(init);
  }
}
