/**
 * Fixture tests: every snippet under fixtures/cases is parsed with HeapLab's
 * parser and compared with the AST (or error) recorded from the real CPython
 * 2.7.18 / 3.12.1 by fixtures/dump_ast.py (see fixtures/record.py).
 *
 * Comparison rules:
 * - 3.12: the whole JSON, positions included (lineno, col_offset,
 *   end_lineno, end_col_offset).
 * - 2.7: 2.7's ast has no end positions, so end_* are ignored; where the
 *   recorded 2.7 node has no position at all (keyword, alias, arg made from
 *   *args/**kwargs, Slice, ExtSlice tuple, Starred made from *args), our
 *   node's position is ignored too.  Everything else, including 2.7's own
 *   lineno/col_offset conventions, is compared.
 * - Errors: kind, msg, lineno and offset (offset skipped where CPython
 *   reports None).  Deliberate differences are listed in KNOWN_ERROR_DIFFS
 *   in errors.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { loadCases, normalize } from './fixture-harness.js';
import { PySyntaxError, parse } from './index.js';

describe('parser fixtures (AST)', () => {
  const cases = loadCases('').filter((c) => !c.group.startsWith('errors'));
  it('has a corpus of at least 150 snippets', () => {
    const names = new Set(cases.map((c) => `${c.group}/${c.name}`));
    expect(names.size).toBeGreaterThanOrEqual(150);
  });
  for (const c of cases) {
    it(`${c.group}/${c.name} [${c.dialect}]`, () => {
      if (c.expected.error) {
        let err: unknown;
        try {
          parse(c.source, { dialect: c.dialect, filename: `${c.name}.py` });
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(PySyntaxError);
        const e = err as PySyntaxError;
        expect({ msg: e.msg, lineno: e.lineno }).toEqual({ msg: c.expected.error.msg, lineno: c.expected.error.lineno });
        return;
      }
      const mod = parse(c.source, { dialect: c.dialect, filename: `${c.name}.py` });
      expect(normalize(mod, c.expected.ast, c.dialect)).toEqual(c.expected.ast);
    });
  }
});
