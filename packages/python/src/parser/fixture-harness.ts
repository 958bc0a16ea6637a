/**
 * Loading and normalisation helpers for the fixture tests (test-only code).
 *
 * @module
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Dialect, decodeSource } from './index.js';

const HERE = new URL('.', import.meta.url).pathname;
/** Directory holding cases/ and expected/ (see fixtures/record.py). */
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

/**
 * All fixture cases whose group starts with `prefix`.
 *
 * @example
 * ```ts
 * loadCases("errors").length; // number of error cases
 * ```
 */
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
      const bytes = readFileSync(p);
      for (const d of dialects) {
        // Decode like CPython reads a file (PEP 263 cookie, BOM); a decoding
        // error is left for the test to see as a parse of the raw UTF-8 text.
        let source: string;
        try {
          source = decodeSource(bytes, { dialect: d }).text;
        } catch {
          source = bytes.toString('utf8');
        }
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
/**
 * Our AST as fixture JSON, shaped after `expected` for the 2.7 position rules.
 *
 * @example
 * ```ts
 * normalize({ t: "int", v: 1n }, undefined, "3.12"); // { t: "int", v: "1" }
 * ```
 */
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

/**
 * A syntactically valid program of `lines` lines (valid in 2.7 and 3.12 when
 * `lines` is a multiple of 21 or ends inside `__init__`, e.g. 10,000).
 *
 * @example
 * ```ts
 * parse(generateProgram(1_050), { dialect: '3.12' }).body.length; // 50
 * ```
 */
export function generateProgram(lines: number): string {
  const out: string[] = [];
  let i = 0;
  while (out.length < lines) {
    i++;
    out.push(
      `class C${i}(object):`,
      `    """Docstring for C${i}."""`,
      '    def __init__(self, a, b=1, *args, **kw):',
      '        self.a = a + b * 2 - (a // 3) % 4',
      '        self.items = [x ** 2 for x in range(a) if x % 2 == 0]',
      "        self.d = {'k%d' % n: [n, n + 1, (n, n)] for n in args}",
      '    def method(self, x):',
      '        if x > 10 and not self.a or x in self.items:',
      '            return self.d.get(str(x), None)',
      '        elif x < 0:',
      '            raise ValueError("negative: " + repr(x))',
      '        else:',
      '            for k, v in sorted(self.d.items(), key=lambda kv: kv[0]):',
      '                try:',
      '                    total = sum(v[0:2]) if v else 0  # comment',
      '                except (TypeError, KeyError) as e:',
      '                    total = -1',
      '                while total > 0:',
      '                    total -= 1',
      '        return x',
      '',
    );
  }
  return `${out.slice(0, lines).join('\n')}\n`;
}
