/**
 * The error thrown by HeapLab's Python parser.
 *
 * @module
 */

export type SyntaxErrorKind = 'SyntaxError' | 'IndentationError' | 'TabError';

/** Fields of a {@link PySyntaxError}, as CPython's SyntaxError has them. */
export interface PySyntaxErrorInit {
  msg: string;
  filename: string;
  lineno: number;
  /** 1-based column, as CPython's SyntaxError.offset. */
  offset: number;
  text: string | null;
  end_lineno?: number;
  end_offset?: number;
  kind?: SyntaxErrorKind;
}

/**
 * A Python SyntaxError (or IndentationError / TabError, see `kind`) raised
 * while tokenizing or parsing Python source.
 *
 * @example
 * ```ts
 * import { parse, PySyntaxError } from './index.js';
 * try { parse('x = (', { dialect: '3.12' }); }
 * catch (e) { if (e instanceof PySyntaxError) console.log(e.msg, e.lineno, e.offset); }
 * // "'(' was never closed" 1 5
 * ```
 */
export class PySyntaxError extends Error {
  readonly msg: string;
  readonly filename: string;
  readonly lineno: number;
  readonly offset: number;
  readonly text: string | null;
  readonly end_lineno?: number;
  readonly end_offset?: number;
  readonly kind: SyntaxErrorKind;

  constructor(init: PySyntaxErrorInit) {
    super(`${init.msg} (${init.filename}, line ${init.lineno})`);
    this.name = init.kind ?? 'SyntaxError';
    this.msg = init.msg;
    this.filename = init.filename;
    this.lineno = init.lineno;
    this.offset = init.offset;
    this.text = init.text;
    if (init.end_lineno !== undefined) this.end_lineno = init.end_lineno;
    if (init.end_offset !== undefined) this.end_offset = init.end_offset;
    this.kind = init.kind ?? 'SyntaxError';
  }
}
