/**
 * Compile-time context checks, against errors recorded from CPython 3.12.1
 * and 2.7.18 `compile()` (2.7 reports no offset for these; only msg and
 * lineno are compared there).  Cases CPython reports from its symbol table
 * that HeapLab does not check (e.g. "no binding for nonlocal 'x' found",
 * "name 'a' is parameter and global") are not listed.
 */
import { describe, expect, it } from 'vitest';
import { findContextError } from './context.js';
import { type Dialect, parse } from './index.js';

type Want = [msg: string, lineno: number, offset?: number] | null;
const CASES: [string, Want, Want][] = [
  // source, 3.12, 2.7
  ['return 1', ["'return' outside function", 1, 1], ["'return' outside function", 1]],
  ['x = 1\n  \nif x:\n    return', ["'return' outside function", 4, 5], ["'return' outside function", 4]],
  ['yield 1', ["'yield' outside function", 1, 1], ["'yield' outside function", 1]],
  ['x = yield', ["'yield' outside function", 1, 5], ["'yield' outside function", 1]],
  ['break', ["'break' outside loop", 1, 1], ["'break' outside loop", 1]],
  ['continue', ["'continue' not properly in loop", 1, 1], ["'continue' not properly in loop", 1]],
  ['while 1:\n  def f():\n    break', ["'break' outside loop", 3, 5], ["'break' outside loop", 3]],
  ['for x in y:\n  class A:\n    continue', ["'continue' not properly in loop", 3, 5], ["'continue' not properly in loop", 3]],
  ['class A:\n  return 1', ["'return' outside function", 2, 3], ["'return' outside function", 2]],
  ['def f():\n  class A:\n    yield 1', ["'yield' outside function", 3, 5], ["'yield' outside function", 3]],
  ['nonlocal x', ['nonlocal declaration not allowed at module level', 1, 1], null /* 2.7: a syntax error */],
  ['def g():\n  yield 1\n  return 2', null, ["'return' with argument inside generator", 3]],
  ['f(lambda: (yield))', null, null],
  ['[(yield) for x in y]', ["'yield' inside list comprehension", 1, 3], ["'yield' outside function", 1]],
  ['def f():\n  x = [(yield) for x in y]', ["'yield' inside list comprehension", 2, 9], null],
  ['while 1:\n  pass\nelse:\n  break', ["'break' outside loop", 4, 3], ["'break' outside loop", 4]],
  ['try:\n  pass\nfinally:\n  continue', ["'continue' not properly in loop", 4, 3], ["'continue' not properly in loop", 4]],
  ['for x in y:\n  try:\n    pass\n  finally:\n    continue', null, ["'continue' not supported inside 'finally' clause", 5]],
  ['x = 1; return', ["'return' outside function", 1, 8], ["'return' outside function", 1]],
  ['lambda: (yield)', null, null],
  ['def f():\n  for x in y:\n    if x:\n      break\n  return x', null, null],
];

describe('statement context checks', () => {
  for (const [src, w312, w27] of CASES) {
    for (const [dialect, want] of [['3.12', w312], ['2.7', w27]] as [Dialect, Want][]) {
      if (dialect === '2.7' && src.startsWith('nonlocal')) continue;
      it(`${JSON.stringify(src)} [${dialect}]`, () => {
        const source = `${src}\n`;
        const e = findContextError(parse(source, { dialect }), { dialect, source });
        if (want === null) {
          expect(e).toBeNull();
          return;
        }
        expect(e).not.toBeNull();
        const got: unknown[] = [e!.msg, e!.lineno];
        if (want[2] !== undefined) got.push(e!.offset);
        expect(got).toEqual(want);
      });
    }
  }
});
