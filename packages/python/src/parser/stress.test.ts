/**
 * Robustness: pathological inputs end in a parse or a PySyntaxError (never
 * a JS RangeError/TypeError or a hang), and random mutations of the fixture
 * corpus only ever raise PySyntaxError with a sane position.
 */
import { describe, expect, it } from 'vitest';
import { loadCases } from './fixture-harness.js';
import { type Dialect, PySyntaxError, parse } from './index.js';

const DIALECTS: Dialect[] = ['2.7', '3.12'];

function outcome(src: string, dialect: Dialect): string {
  try {
    parse(src, { dialect });
    return 'ok';
  } catch (e) {
    if (e instanceof PySyntaxError) return `${e.kind}: ${e.msg}`;
    throw e;
  }
}

describe('parser stress', () => {
  const cases: [string, string, Record<Dialect, string | RegExp>][] = [
    ['100k unary minus', `${'-'.repeat(100_000)}1\n`, { '2.7': /maximum recursion depth/, '3.12': /maximum recursion depth/ }],
    ['2990 unary minus', `${'-'.repeat(2_990)}1\n`, { '2.7': 'ok', '3.12': 'ok' }],
    ['5000 nested lambdas', `${'lambda:'.repeat(5_000)}1\n`, { '2.7': /maximum recursion depth/, '3.12': /maximum recursion depth/ }],
    ['5000-term sum', `x = ${Array(5_000).fill('a').join(' + ')}\n`, { '2.7': /maximum recursion depth/, '3.12': /maximum recursion depth/ }],
    ['50k-term and', `x = ${Array(50_000).fill('a').join(' and ')}\n`, { '2.7': 'ok', '3.12': 'ok' }],
    ['1000 nested parens', `x = ${'('.repeat(1_000)}1${')'.repeat(1_000)}\n`, { '2.7': /too many nested parentheses/, '3.12': /too many nested parentheses/ }],
    ['1000 nested calls', `x = ${'f('.repeat(1_000)}${')'.repeat(1_000)}\n`, { '2.7': /too many nested parentheses/, '3.12': /too many nested parentheses/ }],
    ['200 nested blocks', `${Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}if x:\n`).join('')}${' '.repeat(200)}pass\n`, {
      '2.7': /too many levels of indentation/,
      '3.12': /too many levels of indentation/,
    }],
    ['1000 unclosed brackets', `x = ${'['.repeat(1_000)}\n`, { '2.7': /too many nested parentheses/, '3.12': /too many nested parentheses/ }],
    ['long non-ASCII line', `x = ${Array(20_000).fill("u'é'").join(' + ')}\n`, { '2.7': /maximum recursion depth/, '3.12': /maximum recursion depth/ }],
    ['non-ASCII tuple line', `x = ${Array(20_000).fill("u'é'").join(', ')}\n`, { '2.7': 'ok', '3.12': 'ok' }],
    ['100k lines', 'x = 1\n'.repeat(100_000), { '2.7': 'ok', '3.12': 'ok' }],
    ['empty', '', { '2.7': 'ok', '3.12': 'ok' }],
    ['only comments', '# a\n   # b\n\n', { '2.7': 'ok', '3.12': 'ok' }],
    ['NUL byte', 'x = 1\0\n', { '2.7': /invalid syntax/, '3.12': /invalid|null/ }],
  ];
  for (const [name, src, want] of cases) {
    for (const d of DIALECTS) {
      it(`${name} [${d}]`, () => {
        const got = outcome(src, d);
        const w = want[d];
        if (typeof w === 'string') expect(got).toBe(w);
        else expect(got).toMatch(w);
      });
    }
  }

  it('random mutations of the corpus raise only PySyntaxError', () => {
    const corpus = loadCases('').map((c) => c.source);
    const alphabet = ['(', ')', '[', ']', '{', '}', ':', '\n', '    ', '\t', '"', "'", '"""', 'f"', '{x}', '\\', '#', ',', '=',
      '*', '**', 'lambda', 'if', 'else', 'for', 'in', 'yield', 'not', '.', '@', '-', '1', 'x', ' ', '!', '`', '<>', '\r\n', 'é', '€'];
    let seed = 12345;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const deadline = Date.now() + 4_000;
    let runs = 0;
    while (Date.now() < deadline) {
      let s = corpus[rnd(corpus.length)]!;
      const k = 1 + rnd(4);
      for (let i = 0; i < k; i++) {
        const p = rnd(s.length + 1);
        const op = rnd(3);
        if (op === 0) s = s.slice(0, p) + alphabet[rnd(alphabet.length)] + s.slice(p);
        else if (op === 1) s = s.slice(0, p) + s.slice(p + 1 + rnd(5));
        else {
          const q = rnd(s.length + 1);
          s = s.slice(0, p) + s.slice(q, q + rnd(20)) + s.slice(p);
        }
      }
      for (const d of DIALECTS) {
        runs++;
        try {
          parse(s, { dialect: d });
        } catch (e) {
          if (!(e instanceof PySyntaxError)) throw new Error(`non-PySyntaxError for ${JSON.stringify(s)} [${d}]: ${e}`);
          expect(e.lineno).toBeGreaterThanOrEqual(1);
          expect(Number.isFinite(e.offset)).toBe(true);
        }
      }
    }
    expect(runs).toBeGreaterThan(100);
  }, 20_000);
});
