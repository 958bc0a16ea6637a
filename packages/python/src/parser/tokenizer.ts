/**
 * Python tokenizer for the 2.7 and 3.12 dialects.
 *
 * Produces tokens lazily (so that, as in CPython, a syntax error early in a
 * file is reported before a tokenizer error later on).  Handles indentation
 * (INDENT/DEDENT, tabs to multiples of 8, TabError in 3.12), implicit line
 * joining inside brackets, backslash continuation, comments, string literals
 * (returned raw; decoding happens in strings.ts) and 3.12 f-strings, which are
 * split like CPython 3.12 does into FSTART / FMIDDLE / OP / FEND tokens.
 *
 * @module
 */
import type { Dialect, Source } from './source.js';

export type TokKind = 'NAME' | 'NUMBER' | 'STRING' | 'FSTART' | 'FMIDDLE' | 'FEND' | 'OP' | 'NEWLINE' | 'INDENT' | 'DEDENT' | 'EOF';

export interface Token {
  kind: TokKind;
  /** Text: the identifier, operator, raw literal (prefix and quotes included), or FMIDDLE text with `{{`/`}}` collapsed. */
  value: string;
  /** Index range in the normalised source. */
  start: number;
  end: number;
  line: number;
  /** UTF-16 column. */
  col: number;
  endLine: number;
  endCol: number;
  /**
   * Index where CPython 2.7's line buffer started when this token was read:
   * the token's line, or the first line of a multi-line string token that
   * ended on this line (2.7 error offsets count from there).
   */
  bufStart: number;
  /** Bracket nesting level after this token. */
  depth: number;
  /** FSTART only: whether the f-string is raw. FMIDDLE: inherits. */
  raw: boolean;
}

/**
 * Build a token.  All tokens share one object shape (same fields, same
 * order), which keeps the parser's property accesses monomorphic.
 *
 * @example
 * ```ts
 * makeToken('NAME', 'x', 0, 1, 1, 0, 1, 1).value; // 'x'
 * ```
 */
export function makeToken(
  kind: TokKind, value: string, start: number, end: number, line: number, col: number, endLine: number, endCol: number,
  bufStart = start - col, depth = 0,
): Token {
  return { kind, value, start, end, line, col, endLine, endCol, bufStart, depth, raw: false };
}

const MAXINDENT = 100;
const MAXLEVEL = 200;
/** Bracket depth at which CPython 2.7's parser stack overflows (for plain parentheses). */
const MAXLEVEL_27 = 98;

const OPS3 = new Set(['**=', '//=', '>>=', '<<=', '...']);
const OPS2_312 = new Set(['<>', '!=', '%=', '&=', '**', '*=', '+=', '-=', '->', '//', '/=', ':=', '<<', '<=', '==', '>=', '>>', '@=', '^=', '|=']);
const OPS2_27 = new Set(['!=', '%=', '&=', '**', '*=', '+=', '-=', '->', '//', '/=', '<<', '<=', '==', '>=', '>>', '^=', '|=', '<>']);
const OPS1_312 = new Set('%&()*+,-./:;<=>@[]^{|}~!');
const OPS1_27 = new Set('%&()*+,-./:;<=>@[]^{|}~`');

const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
/** Single-char operators that never begin a longer operator. */
const SIMPLE_OPS = new Set(['(', ')', '[', ']', '{', '}', ',', ';', '~', '`']);

const STRING_PREFIX_312 = new Set(['r', 'u', 'b', 'br', 'rb', 'f', 'fr', 'rf']);
const STRING_PREFIX_27 = new Set(['r', 'u', 'b', 'br', 'ur']);

// Keywords a number may run into without a space (3.12 only warns).
const NUMBER_SUFFIX_KEYWORDS = ['and', 'else', 'for', 'if', 'in', 'is', 'not', 'or'];

interface FStringFrame {
  kind: 'fstring';
  quote: string;
  raw: boolean;
  startLine: number;
  startCol: number;
}
interface ExprFrame {
  kind: 'expr';
  /** Bracket depth just after this replacement field's `{`. */
  depth: number;
}
interface SpecFrame {
  kind: 'spec';
}
type Frame = FStringFrame | ExprFrame | SpecFrame;

function isIdStart(c: string): boolean {
  return /[\p{ID_Start}_\u2118\u212e\u309b\u309c]/u.test(c);
}
function isIdContinue(c: string): boolean {
  return /[\p{ID_Continue}\u00b7\u0387\u1369-\u1371\u19da\u2118\u212e\u309b\u309c]/u.test(c);
}

function isAsciiIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isAsciiIdContinue(c: number): boolean {
  return isAsciiIdStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Lazy tokenizer over a {@link Source}.
 *
 * @example
 * ```ts
 * const tz = new Tokenizer(new Source('x = 1\n', 'a.py', '3.12'));
 * tz.next().value; // 'x'
 * tz.next().value; // '='
 * ```
 */
export class Tokenizer {
  private readonly src: Source;
  private readonly text: string;
  private readonly dialect: Dialect;
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private atLineStart = true;
  private readonly indents: number[] = [0];
  private readonly altIndents: number[] = [0];
  private readonly pending: Token[] = [];
  /** Open brackets: char, line, col. */
  private readonly brackets: { ch: string; line: number; col: number }[] = [];
  private readonly frames: Frame[] = [];
  private lastKind: TokKind = 'NEWLINE';
  /** Line of the last significant token (2.7 reports EOF errors there). */
  lastTokLine = 1;
  private done = false;
  /** Source encoding declared by a PEP 263 comment (2.7 cares). */
  encoding: string | null = null;

  constructor(src: Source) {
    this.src = src;
    this.text = src.text;
    this.dialect = src.dialect;
    this.detectEncoding();
  }

  private detectEncoding(): void {
    for (let l = 1; l <= 2 && l <= this.src.lineStarts.length; l++) {
      const t = this.src.lineText(l);
      const m = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/.exec(t);
      if (m) {
        this.encoding = m[1]!.toLowerCase();
        return;
      }
      if (!/^[ \t\f]*(#.*)?$/.test(t)) return;
    }
  }

  private err(msg: string, line: number, col: number, opts: Parameters<Source['error']>[3] = {}): never {
    const e = this.src.error(msg, line, col, opts);
    this.ownErrors.add(e);
    throw e;
  }

  /**
   * Errors that CPython's tokenizer signals with an error code rather than an
   * exception (indentation, TabError, line continuation): they do not take
   * precedence over a parser error found earlier (see drain()).
   */
  private softErr(msg: string, line: number, col: number, opts: Parameters<Source['error']>[3] = {}): never {
    const e = this.src.error(msg, line, col, opts);
    this.ownErrors.add(e);
    this.softErrors.add(e);
    throw e;
  }

  private readonly softErrors = new WeakSet<object>();
  private readonly ownErrors = new WeakSet<object>();
  private draining = false;

  /** Was `e` raised by this tokenizer (as opposed to the parser)? */
  isTokenizerError(e: unknown): boolean {
    return typeof e === 'object' && e !== null && this.ownErrors.has(e);
  }

  /**
   * Tokenize the rest of the source, as CPython 3.12 does after a parser
   * error: throws the first tokenizer error found, else returns the
   * innermost bracket still open at EOF (if any).
   */
  drain(): { ch: string; line: number; col: number; eof: boolean } | undefined {
    this.draining = true;
    let eof = false;
    let read = 0;
    let sawNewline = false;
    try {
      for (let k = 0; k < 10_000_000; k++) {
        const t = this.next();
        read++;
        if (t.kind === 'NEWLINE') sawNewline = true;
        if (t.kind === 'EOF') {
          eof = true;
          break;
        }
      }
    } catch (e) {
      if (!this.softErrors.has(e as object)) throw e;
      // CPython's second (error-reporting) pass reads a few tokens past the
      // failure point, so a bad line continuation right there still wins.
      if (read <= 3 && !sawNewline && (e as { msg?: string }).msg?.startsWith('unexpected character after line')) throw e;
    }
    const b = this.brackets[this.brackets.length - 1];
    return b === undefined ? undefined : { ...b, eof };
  }

  private tok(kind: TokKind, value: string, start: number, end: number, line: number, col: number): Token {
    return makeToken(kind, value, start, end, line, col, this.line, end - this.lineStart, this.bufStart, this.brackets.length);
  }

  /** See Token.bufStart. */
  private bufStart = 0;

  /** Next token. After EOF, keeps returning EOF. */
  next(): Token {
    const t = this.produce();
    this.lastKind = t.kind;
    if (t.kind !== 'NEWLINE' && t.kind !== 'INDENT' && t.kind !== 'DEDENT' && t.kind !== 'EOF') this.lastTokLine = t.endLine;
    return t;
  }

  private produce(): Token {
    if (this.pending.length > 0) return this.pending.shift()!;
    const frame = this.frames[this.frames.length - 1];
    if (frame !== undefined && frame.kind !== 'expr') return this.fstringText(frame);
    if (this.atLineStart && this.brackets.length === 0) {
      const t = this.indentation();
      if (t) return t;
    }
    return this.scan();
  }

  /** At the start of a logical line: measure indentation and emit INDENT/DEDENTs. */
  private indentation(): Token | null {
    const text = this.text;
    for (;;) {
      let col = 0;
      let alt = 0;
      let p = this.pos;
      for (; p < text.length; p++) {
        const c = text.charCodeAt(p);
        if (c === 32) {
          col++;
          alt++;
        } else if (c === 9) {
          col = (Math.floor(col / 8) + 1) * 8;
          alt++;
        } else if (c === 12) {
          col = 0;
          alt = 0;
        } else break;
      }
      const c = text[p];
      if (c === '#' || c === '\n') {
        // Blank or comment-only line: no tokens.
        const nl = text.indexOf('\n', p);
        if (nl < 0) {
          this.pos = text.length;
          break;
        }
        this.pos = nl + 1;
        this.line++;
        this.lineStart = this.pos;
        this.bufStart = this.pos;
        continue;
      }
      if (c === '\\' && text[p + 1] === '\n' && this.dialect === '3.12') {
        // A continuation line starting the logical line: indentation counts here.
      }
      this.atLineStart = false;
      if (p >= text.length) {
        this.pos = p;
        return null;
      }
      this.pos = p;
      const ucol = p - this.lineStart;
      const top = this.indents[this.indents.length - 1]!;
      const altTop = this.altIndents[this.altIndents.length - 1]!;
      if (col === top) {
        if (alt !== altTop && this.dialect === '3.12') this.tabError(ucol);
        return null;
      }
      if (col > top) {
        if (this.indents.length >= MAXINDENT) {
          const offset = this.dialect === '2.7' ? this.src.byteCol(this.line, this.src.lineText(this.line).length) + 1 : 1;
          this.softErr('too many levels of indentation', this.line, ucol, { kind: 'IndentationError', offset });
        }
        if (alt <= altTop && this.dialect === '3.12') this.tabError(ucol);
        this.indents.push(col);
        this.altIndents.push(alt);
        return this.tok('INDENT', '', this.lineStart, p, this.line, 0);
      }
      while (this.indents.length > 1 && col < this.indents[this.indents.length - 1]!) {
        this.indents.pop();
        this.altIndents.pop();
        this.pending.push(this.tok('DEDENT', '', p, p, this.line, ucol));
      }
      if (col !== this.indents[this.indents.length - 1]) {
        this.softErr('unindent does not match any outer indentation level', this.line, ucol, {
          kind: 'IndentationError',
          offset: this.src.errOffset(this.line, this.src.lineText(this.line).length),
        });
      }
      if (alt !== this.altIndents[this.altIndents.length - 1] && this.dialect === '3.12') this.tabError(ucol);
      return this.pending.shift()!;
    }
    this.atLineStart = false;
    return null;
  }

  private tabError(ucol: number): never {
    void ucol;
    this.softErr('inconsistent use of tabs and spaces in indentation', this.line, 0, { kind: 'TabError' });
  }

  private newlineHere(p: number): void {
    this.line++;
    this.lineStart = p + 1;
    this.bufStart = p + 1;
  }

  private scan(): Token {
    const text = this.text;
    const frame = this.frames[this.frames.length - 1];
    // Skip spaces, comments and continuation lines.
    for (;;) {
      const cc = text.charCodeAt(this.pos);
      if (cc === 32 || cc === 9 || cc === 12) {
        this.pos++;
        continue;
      }
      if (cc > 92 || (cc !== 35 && cc !== 92)) break;
      const c = text[this.pos];
      if (c === '#') {
        const nl = text.indexOf('\n', this.pos);
        this.pos = nl < 0 ? text.length : nl;
      } else if (c === '\\') {
        const col = this.pos - this.lineStart;
        if (text[this.pos + 1] === '\n') {
          this.newlineHere(this.pos + 1);
          this.pos += 2;
          if (this.pos >= text.length) {
            if (this.dialect === '3.12') this.err('unexpected EOF while parsing', this.line - 1, col + 1, { offset: col + 2 });
          }
        } else if (this.pos + 1 >= text.length) {
          this.pos++;
          if (this.dialect === '3.12') this.err('unexpected EOF while parsing', this.line, col + 1, { offset: col + 2 });
        } else {
          const offset =
            this.dialect === '2.7'
              ? this.src.byteCol(this.line, this.src.lineText(this.line).length) + 1
              : this.src.errOffset(this.line, col) + 1;
          this.softErr('unexpected character after line continuation character', this.line, col, { offset });
        }
      } else break;
    }
    const start = this.pos;
    const line = this.line;
    const col = start - this.lineStart;
    if (start >= text.length) return this.eof();
    const ch = text[start]!;
    const code = text.charCodeAt(start);

    if (ch === '\n') {
      this.pos++;
      if (this.brackets.length > 0) {
        // (3.12 lets the expression part of any f-string span lines.)
        this.newlineHere(start);
        return this.scan();
      }
      const t = this.tok('NEWLINE', '\n', start, start + 1, line, col);
      t.endLine = line;
      t.endCol = col + 1;
      this.newlineHere(start);
      this.atLineStart = true;
      return t;
    }

    // Names and string prefixes.
    if (code < 128 ? isAsciiIdStart(code) : this.dialect === '3.12' && isIdStart(String.fromCodePoint(text.codePointAt(start)!))) {
      let p = start + 1;
      for (;;) {
        const cc = text.charCodeAt(p);
        if (p < text.length && cc < 128) {
          if (isAsciiIdContinue(cc)) {
            p++;
            continue;
          }
          break;
        }
        if (p < text.length && this.dialect === '3.12') {
          const cp = text.codePointAt(p)!;
          const s = String.fromCodePoint(cp);
          if (isIdContinue(s)) {
            p += s.length;
            continue;
          }
        }
        break;
      }
      const word = text.slice(start, p);
      let ascii = true;
      for (let k = start; k < p; k++) {
        if (text.charCodeAt(k) >= 128) {
          ascii = false;
          break;
        }
      }
      const q = text[p];
      if ((q === '"' || q === "'") && p - start <= 2) {
        const lw = word.toLowerCase();
        const prefixes = this.dialect === '3.12' ? STRING_PREFIX_312 : STRING_PREFIX_27;
        if (prefixes.has(lw)) {
          if (lw.includes('f')) return this.fstringStart(start, p, lw.includes('r'));
          return this.string(start, p);
        }
      }
      this.pos = p;
      if (this.dialect === '3.12' && p < text.length && text.charCodeAt(p) >= 128) this.checkInvalidChar(p);
      const value = ascii ? word : word.normalize('NFKC');
      return this.tok('NAME', value, start, p, line, col);
    }

    if (isDigit(code) || (ch === '.' && isDigit(text.charCodeAt(start + 1)))) return this.number(start);

    if (ch === '"' || ch === "'") return this.string(start, start);

    // f-string replacement field handling.
    if (frame !== undefined && frame.kind === 'expr' && this.brackets.length === frame.depth) {
      if (ch === '}') {
        this.pos++;
        this.brackets.pop();
        this.frames.pop();
        return this.tok('OP', '}', start, start + 1, line, col);
      }
      if (ch === ':') {
        this.pos++;
        this.frames.push({ kind: 'spec' });
        return this.tok('OP', ':', start, start + 1, line, col);
      }
      if (ch === '!' && text[start + 1] !== '=') {
        this.pos++;
        return this.tok('OP', '!', start, start + 1, line, col);
      }
    }

    // Operators.
    let op: string | null = null;
    const nx = text.charCodeAt(start + 1);
    if (SIMPLE_OPS.has(ch) || !(nx === 61 || nx === 42 || nx === 47 || nx === 60 || nx === 62 || nx === 46 || nx === 45)) {
      // cannot start a multi-char operator here
      if ((this.dialect === '3.12' ? OPS1_312 : OPS1_27).has(ch)) op = ch;
    } else {
      const three = text.slice(start, start + 3);
      const two = text.slice(start, start + 2);
      if (OPS3.has(three) && (this.dialect === '3.12' || three !== '...')) op = three;
      else if ((this.dialect === '3.12' ? OPS2_312 : OPS2_27).has(two)) op = two;
      else if ((this.dialect === '3.12' ? OPS1_312 : OPS1_27).has(ch)) op = ch;
    }
    if (op === '...' && this.dialect === '2.7') op = '.';
    if (op !== null) {
      this.pos = start + op.length;
      if (op === '(' || op === '[' || op === '{') {
        if (this.brackets.length >= (this.dialect === '3.12' ? MAXLEVEL : MAXLEVEL_27)) {
          // 2.7 really fails with MemoryError (parser stack overflow) at about this depth.
          this.err('too many nested parentheses', line, col);
        }
        this.brackets.push({ ch: op, line, col });
      } else if (op === ')' || op === ']' || op === '}') {
        const open = this.brackets[this.brackets.length - 1];
        if (open === undefined) {
          if (this.dialect === '3.12') this.err(`unmatched '${op}'`, line, col);
        } else if (open.ch !== CLOSERS[op]) {
          if (this.dialect === '3.12') {
            if (open.line !== line) {
              this.err(`closing parenthesis '${op}' does not match opening parenthesis '${open.ch}' on line ${open.line}`, line, col);
            }
            this.err(`closing parenthesis '${op}' does not match opening parenthesis '${open.ch}'`, line, col);
          }
          this.brackets.pop();
        } else {
          this.brackets.pop();
        }
      }
      return this.tok('OP', op, start, this.pos, line, col);
    }

    this.badChar(start, line, col);
  }

  private enclosingFString(): FStringFrame | undefined {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const f = this.frames[i]!;
      if (f.kind === 'fstring') return f;
    }
    return undefined;
  }

  private checkInvalidChar(p: number): void {
    const cp = this.text.codePointAt(p)!;
    const s = String.fromCodePoint(cp);
    if (!isIdContinue(s)) {
      // Let the main loop report it at its own position.
      return;
    }
  }

  private badChar(start: number, line: number, col: number): never {
    const cp = this.text.codePointAt(start)!;
    if (this.dialect === '2.7') {
      this.err('invalid syntax', line, col);
    }
    const hex = cp.toString(16).toUpperCase().padStart(4, '0');
    const s = String.fromCodePoint(cp);
    if (/[\p{C}\p{Z}]/u.test(s) && cp !== 0x20) {
      this.err(`invalid non-printable character U+${hex}`, line, col);
    }
    // CPython's tokenizer returns an error token without an exception here.
    if (s === '$' || s === '?' || s === '`') this.softErr('invalid syntax', line, col);
    this.err(`invalid character '${s}' (U+${hex})`, line, col);
  }

  /**
   * A 2.7 parse error at end of input.  CPython 2.7 says "unexpected EOF while
   * parsing" only when the input is a single line; otherwise it reports the
   * parser's own message at the end of the last line.
   */
  eofError27(msg = 'invalid syntax', kind: 'SyntaxError' | 'IndentationError' = 'SyntaxError'): never {
    const l = this.lastLine();
    const offset = this.src.byteCol(l, this.src.lineText(l).length) + 1;
    if (l <= 1) this.err('unexpected EOF while parsing', 1, 0, { offset });
    this.err(msg, l, 0, { offset, kind });
  }

  /** Innermost open bracket, if any (for 3.12's "'(' was never closed"). */
  openBracket(): { ch: string; line: number; col: number } | undefined {
    return this.brackets[this.brackets.length - 1];
  }

  /** Line CPython reports as "detected at line N" for an unterminated literal at EOF. */
  lastLine(): number {
    const t = this.text;
    return Math.max(1, t.endsWith('\n') ? this.src.lineStarts.length - 1 : this.src.lineStarts.length);
  }

  private eof(): Token {
    const text = this.text;
    const fs = this.enclosingFString();
    if (fs) {
      this.err(
        fs.quote.length === 3
          ? `unterminated triple-quoted f-string literal (detected at line ${this.lastLine()})`
          : `unterminated f-string literal (detected at line ${this.line})`,
        fs.startLine,
        fs.startCol,
      );
    }
    if (this.brackets.length > 0 && !this.draining) {
      const b = this.brackets[this.brackets.length - 1]!;
      if (this.dialect === '3.12') this.err(`'${b.ch}' was never closed`, b.line, b.col);
      this.eofError27();
    }
    if (!this.done) {
      this.done = true;
      const p = text.length;
      const line = this.line;
      const col = p - this.lineStart;
      if (this.lastKind !== 'NEWLINE' && this.lastKind !== 'DEDENT' && this.lastKind !== 'INDENT') {
        this.pending.push(makeToken('NEWLINE', '', p, p, line, col, line, col + 1, this.bufStart));
      }
      while (this.indents.length > 1) {
        this.indents.pop();
        this.pending.push(makeToken('DEDENT', '', p, p, line, 0, line, 0, this.bufStart));
      }
      this.pending.push(makeToken('EOF', '', p, p, line, 0, line, 0, this.bufStart));
      return this.pending.shift()!;
    }
    const p = text.length;
    return makeToken('EOF', '', p, p, this.line, 0, this.line, 0, this.bufStart);
  }

  // ------------------------------------------------------------ numbers

  private number(start: number): Token {
    const text = this.text;
    const line = this.line;
    const col = start - this.lineStart;
    const v312 = this.dialect === '3.12';
    let p = start;
    const digits = (ok: (c: number) => boolean, kind: string): void => {
      // digits with single underscores between them (3.12)
      for (;;) {
        const c = text.charCodeAt(p);
        if (ok(c)) {
          p++;
        } else if (c === 95 && v312) {
          if (!ok(text.charCodeAt(p + 1))) {
            p++;
            this.err(`invalid ${kind} literal`, line, p - this.lineStart - 1);
          }
          p++;
        } else break;
      }
    };
    const hex = (c: number): boolean => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
    const c0 = text[p];
    const c1 = text[p + 1]?.toLowerCase();
    let kind = 'decimal';
    if (c0 === '0' && (c1 === 'x' || c1 === 'o' || c1 === 'b')) {
      p += 2;
      kind = c1 === 'x' ? 'hexadecimal' : c1 === 'o' ? 'octal' : 'binary';
      const ok = c1 === 'x' ? hex : c1 === 'o' ? (c: number) => c >= 48 && c <= 55 : (c: number) => c === 48 || c === 49;
      if (v312 && text.charCodeAt(p) === 95) p++;
      const before = p;
      digits(ok, kind);
      if (p === before) {
        if (v312) {
          if (isDigit(text.charCodeAt(p))) this.err(`invalid digit '${text[p]}' in ${kind} literal`, line, p - this.lineStart);
          this.err(`invalid ${kind} literal`, line, p - this.lineStart - 1);
        }
        this.err('invalid syntax', line, p - this.lineStart);
      }
      if (v312 && isDigit(text.charCodeAt(p))) {
        this.err(`invalid digit '${text[p]}' in ${kind} literal`, line, p - this.lineStart);
      }
      if (!v312 && (text[p] === 'l' || text[p] === 'L')) p++;
    } else {
      let isFloat = false;
      if (c0 !== '.') digits(isDigit, 'decimal');
      if (text[p] === '.') {
        isFloat = true;
        p++;
        digits(isDigit, 'decimal');
      }
      const e = text[p];
      if (e === 'e' || e === 'E') {
        let q = p + 1;
        const signed = text[q] === '+' || text[q] === '-';
        if (signed) q++;
        if (isDigit(text.charCodeAt(q))) {
          p = q;
          digits(isDigit, 'decimal');
          isFloat = true;
        } else if (v312) {
          // CPython points at the char after the sign, or at the 'e' itself
          // (unless it starts `else`, which may follow a number).
          if (signed) this.err('invalid decimal literal', line, q - this.lineStart - 1);
          if (!(text.startsWith('else', p) && !isAsciiIdContinue(text.charCodeAt(p + 4)))) {
            this.err('invalid decimal literal', line, p - this.lineStart - 1);
          }
        }
      }
      const j = text[p];
      if (j === 'j' || j === 'J') {
        p++;
        kind = 'imaginary';
      } else if (!isFloat) {
        const s = text.slice(start, p);
        if (!v312 && (j === 'l' || j === 'L')) {
          p++;
        } else if (v312 && s.length > 1 && s[0] === '0' && /[1-9]/.test(s)) {
          this.err(
            'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
            line,
            col,
            { endLine: line, endCol: p - this.lineStart + 1 },
          );
        } else if (!v312 && s.length > 1 && s[0] === '0' && /[89]/.test(s)) {
          this.err('invalid token', line, p - this.lineStart - 1);
        }
      }
    }
    if (v312 && p < text.length) {
      const cc = text.charCodeAt(p);
      const nextIsId = cc < 128 ? isAsciiIdContinue(cc) : isIdStart(String.fromCodePoint(text.codePointAt(p)!));
      if (nextIsId) {
        const ok = NUMBER_SUFFIX_KEYWORDS.some((k) => text.startsWith(k, p) && !isAsciiIdContinue(text.charCodeAt(p + k.length)));
        if (!ok) this.err(`invalid ${kind} literal`, line, p - 1 - this.lineStart);
      }
    }
    this.pos = p;
    return this.tok('NUMBER', text.slice(start, p), start, p, line, col);
  }

  // ------------------------------------------------------------ strings

  /** A non-f string literal; `qpos` is the index of the opening quote. */
  private string(start: number, qpos: number): Token {
    const text = this.text;
    const line = this.line;
    const col = start - this.lineStart;
    const q = text[qpos]!;
    const triple = text[qpos + 1] === q && text[qpos + 2] === q;
    let p = qpos + (triple ? 3 : 1);
    const buf0 = this.bufStart;
    for (;;) {
      if (p >= text.length) {
        if (triple) {
          if (this.dialect === '3.12') {
            this.err(`unterminated triple-quoted string literal (detected at line ${this.lastLine()})`, line, col);
          }
          // 2.7 reports the last line and the length of the text from the literal's line on.
          const from = this.src.lineStarts[line - 1]!;
          // (2.7 adds the missing final newline before tokenizing)
          const extra = text.endsWith('\n') ? 0 : 1;
          this.err('EOF while scanning triple-quoted string literal', this.lastLine(), 0, { offset: text.length - from + extra });
        }
        this.unterminated(line, col, p, buf0);
      }
      const c = text[p]!;
      if (c === '\\') {
        if (text[p + 1] === '\n') this.newlineHere(p + 1);
        p += 2;
        continue;
      }
      if (c === '\n') {
        if (!triple) this.unterminated(line, col, p, buf0);
        this.newlineHere(p);
        p++;
        continue;
      }
      if (c === q) {
        if (!triple) {
          p++;
          break;
        }
        if (text[p + 1] === q && text[p + 2] === q) {
          p += 3;
          break;
        }
      }
      p++;
    }
    if (p > text.length) p = text.length;
    this.pos = p;
    this.bufStart = buf0;
    return this.tok('STRING', text.slice(start, p), start, p, line, col);
  }

  private unterminated(line: number, col: number, p: number, buf0: number): never {
    if (this.dialect === '3.12') {
      if (this.frames.length > 0 && this.frames[this.frames.length - 1]!.kind === 'expr') {
        this.err("f-string: expecting '}'", line, col);
      }
      this.err(`unterminated string literal (detected at line ${p >= this.text.length ? this.lastLine() : this.line})`, line, col);
    }
    // 2.7: the line where the scan stopped, counting from the literal's first line.
    this.err('EOL while scanning string literal', p >= this.text.length ? this.lastLine() : this.line, 0, { offset: p - buf0 });
  }

  private fstringStart(start: number, qpos: number, raw: boolean): Token {
    const text = this.text;
    const q = text[qpos]!;
    const triple = text[qpos + 1] === q && text[qpos + 2] === q;
    const quote = triple ? q + q + q : q;
    const line = this.line;
    const col = start - this.lineStart;
    this.pos = qpos + quote.length;
    this.frames.push({ kind: 'fstring', quote, raw, startLine: line, startCol: col });
    const t = this.tok('FSTART', text.slice(start, this.pos), start, this.pos, line, col);
    t.raw = raw;
    return t;
  }

  /** Literal text of an f-string (top frame is the f-string itself or a format spec). */
  private fstringText(frame: FStringFrame | SpecFrame): Token {
    const text = this.text;
    const fs = this.enclosingFString()!;
    const inSpec = frame.kind === 'spec';
    const start = this.pos;
    const line = this.line;
    const col = start - this.lineStart;
    let value = '';
    let p = start;
    for (;;) {
      if (p >= text.length) {
        this.err(
          fs.quote.length === 3
            ? `unterminated triple-quoted f-string literal (detected at line ${this.lastLine()})`
            : `unterminated f-string literal (detected at line ${this.line})`,
          fs.startLine,
          fs.startCol,
        );
      }
      const c = text[p]!;
      if (text.startsWith(fs.quote, p)) break;
      if (c === '\n') {
        if (fs.quote.length === 1) {
          if (inSpec) {
            this.err("f-string: newlines are not allowed in format specifiers for single quoted f-strings", line, col);
          }
          this.err(`unterminated f-string literal (detected at line ${this.line})`, fs.startLine, fs.startCol);
        }
        value += c;
        this.newlineHere(p);
        p++;
        continue;
      }
      if (c === '\\' && !fs.raw) {
        const n = text[p + 1];
        if (n === 'N' && text[p + 2] === '{') {
          const close = text.indexOf('}', p + 3);
          if (close > 0) {
            value += text.slice(p, close + 1);
            p = close + 1;
            continue;
          }
        }
        if (n === '{' || n === '}') {
          value += c;
          p++;
          continue;
        }
        if (n === '\n') this.newlineHere(p + 1);
        if (n !== undefined) {
          value += c + n;
          p += 2;
          continue;
        }
      }
      if (c === '{') {
        if (!inSpec && text[p + 1] === '{') {
          value += '{';
          p += 2;
          continue;
        }
        break;
      }
      if (c === '}') {
        if (!inSpec && text[p + 1] === '}') {
          value += '}';
          p += 2;
          continue;
        }
        if (inSpec) break;
        this.err("f-string: single '}' is not allowed", this.line, p - this.lineStart);
      }
      value += c;
      p++;
    }
    if (p > start) {
      this.pos = p;
      const t = this.tok('FMIDDLE', value, start, p, line, col);
      t.raw = fs.raw;
      return t;
    }
    // p === start: at a quote, `{` or (in a spec) `}`.
    const c = text[p]!;
    const tline = this.line;
    const tcol = p - this.lineStart;
    if (c === '{') {
      if (this.brackets.length >= MAXLEVEL) this.err('too many nested parentheses', tline, tcol);
      this.brackets.push({ ch: '{', line: tline, col: tcol });
      this.frames.push({ kind: 'expr', depth: this.brackets.length });
      this.pos = p + 1;
      return this.tok('OP', '{', p, p + 1, tline, tcol);
    }
    if (c === '}') {
      // end of a format spec: close the spec and its replacement field
      this.frames.pop(); // spec
      this.frames.pop(); // expr
      this.brackets.pop();
      this.pos = p + 1;
      return this.tok('OP', '}', p, p + 1, tline, tcol);
    }
    // closing quote
    if (inSpec) {
      this.err("f-string: expecting '}', or format specs", tline, tcol);
    }
    this.frames.pop();
    this.pos = p + fs.quote.length;
    return this.tok('FEND', fs.quote, p, this.pos, tline, tcol);
  }
}
