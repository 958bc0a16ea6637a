/**
 * HeapLab's Python source parser (dialects 2.7 and 3.12).
 *
 * @module
 */
import type { Module } from './ast.js';
import { PySyntaxError } from './errors.js';
import { Parser } from './parser.js';
import { type Dialect, Source } from './source.js';

export type * from './ast.js';
export { PySyntaxError, type PySyntaxErrorInit, type SyntaxErrorKind } from './errors.js';
export type { Dialect } from './source.js';

export interface ParseOptions {
  dialect: Dialect;
  /** Used in error messages; defaults to '<unknown>'. */
  filename?: string;
}

/**
 * Parse a Python module into a CPython-3.12-shaped AST.
 *
 * Throws {@link PySyntaxError} for invalid source (never a JS TypeError or
 * RangeError).
 *
 * @example
 * ```ts
 * import { parse } from './index.js';
 * const mod = parse('x = 1\n', { dialect: '3.12' });
 * mod.body[0]?.type; // 'Assign'
 * parse('print "hi"\n', { dialect: '2.7' }).body[0]?.type; // 'Print'
 * ```
 */
export function parse(source: string, options: ParseOptions): Module {
  const filename = options.filename ?? '<unknown>';
  const src = new Source(source, filename, options.dialect);
  try {
    const p = new Parser(src);
    const mod = p.parseModule();
    // 2.7 applies `unicode_literals` to the whole module, docstring included.
    if (p.futureChanged) return new Parser(src, p.futureFlags()).parseModule();
    return mod;
  } catch (e) {
    if (e instanceof PySyntaxError) throw e;
    if (e instanceof RangeError) {
      // JS stack exhaustion on pathological input: report like CPython's parser does.
      throw new PySyntaxError({
        msg: 'too many nested parentheses',
        filename,
        lineno: 1,
        offset: 1,
        text: null,
        kind: 'SyntaxError',
      });
    }
    throw e;
  }
}

export { checkContext, findContextError, type ContextCheckOptions } from './context.js';
export { decodeSource } from './decode.js';
