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
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Dialect, PySyntaxError, parse } from './index.js';

const HERE = new URL('.', import.meta.url).pathname;
export const FIXTURES = join(HERE, 'fixtures');

export interface Case {
  group: string;
  name: string;
  dialect: Dialect;
  source: string;
  expected: {
    ast?: unknown;
    error?: { kind: string; msg: string; lineno?: number; offset?: number | null };
    unsupported?: string;
  };
}

export function loadCases(prefix: string): Case[] {
  const out: Case[] = [];
  const walk = (rel: string): void => {
    const dir = join(FIXTURES, 'cases', rel);
    for (const f of readdirSync(dir).sort()) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) {
        walk(rel ? `${rel}/${f}` : f);
        continue;
      }
      if (!f.endsWith('.py')) continue;
      const last = rel.split('/').pop();
      const dialects: Dialect[] = last === 'both' ? ['2.7', '3.12'] : last === 'py27' ? ['2.7'] : last === 'py312' ? ['3.12'] : [];
      const source = readFileSync(p, 'utf8');
      for (const d of dialects) {
        const exp = join(FIXTURES, 'expected', rel, `${f.slice(0, -3)}.${d}.json`);
        out.push({ group: rel, name: f.slice(0, -3), dialect: d, source, expected: JSON.parse(readFileSync(exp, 'utf8')) });
      }
    }
  };
  walk('');
  return out.filter((c) => c.group.startsWith(prefix));
}

function jsonNumber(x: number): number | string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Number.POSITIVE_INFINITY) return 'inf';
  if (x === Number.NEGATIVE_INFINITY) return '-inf';
  if (x === 0 && 1 / x < 0) return '-0.0';
  return x;
}

const POS_KEYS = ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'];

/** Our AST as fixture JSON, shaped after `expected` for the 2.7 position rules. */
export function normalize(actual: unknown, expected: unknown, dialect: Dialect): unknown {
  if (typeof actual === 'bigint') return actual.toString();
  if (Array.isArray(actual)) {
    const ex = Array.isArray(expected) ? expected : [];
    return actual.map((a, i) => normalize(a, ex[i], dialect));
  }
  if (actual === null || typeof actual !== 'object') return actual;
  const obj = actual as Record<string, unknown>;
  const ex = (expected !== null && typeof expected === 'object' ? expected : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const isConstValue = typeof obj.t === 'string' && !('type' in obj);
  for (const [k, v] of Object.entries(obj)) {
    if (dialect === '2.7' && POS_KEYS.includes(k)) {
      if (k === 'end_lineno' || k === 'end_col_offset') continue;
      if (!('lineno' in ex)) continue;
    }
    if (isConstValue && (k === 'v' || k === 'imag') && typeof v === 'number') out[k] = jsonNumber(v);
    else out[k] = normalize(v, ex[k], dialect);
  }
  return out;
}

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
