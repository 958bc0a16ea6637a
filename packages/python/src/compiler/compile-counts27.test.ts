/**
 * compiledState27: the collector count and list/dict/tuple free lists CPython 2.7's compiler
 * leaves for a script.
 *
 * With empty free lists every container the compiler takes is a new allocation and every one it
 * frees goes onto its free list, so the ledger can be checked by hand: count0 = lists + dicts +
 * tuples freed + what is kept (the arena's list, and each code object's non-empty co_consts,
 * co_names, co_varnames, co_cellvars and co_freevars tuples, plus folded constant tuples and
 * `from` name tuples). The first lines of scripts were also run with CPython 2.7.18; what it
 * printed is noted next to each real-profile count (HeapLab adds the profile's run-start
 * allocations, 52 for all of these, to reach it).
 */

import { type CompileStartState, PROFILES } from '@heaplab/heap';
import { describe, expect, it } from 'vitest';
import { parse } from '../parser/index.js';
import { runCaptured } from '../run-captured.js';
import { type CompiledState, compiledState27 } from './compile-counts27.js';
import { buildSymbolTable } from './symtable.js';

const THRESHOLDS = [700, 10, 10] as const;
const RUN_START = { count: 0, dictsKept: 0, tuplesKept: {}, tuplesBorrowed: {} };

function start(counts: [number, number, number], listFree: number, dictFree: number, tupleFree: number[]): CompileStartState {
  return { counts, listFree, dictFree, tupleFree, runStart: RUN_START };
}
const EMPTY = start([0, 0, 0], 0, 0, []);

function compiled(src: string, from: CompileStartState = EMPTY, absoluteImport = false): CompiledState {
  const mod = parse(src, { dialect: '2.7', filename: 't.py' });
  return compiledState27(mod, buildSymbolTable(mod, '2.7').module, from, THRESHOLDS, absoluteImport);
}

/** Free-list occupancy by tuple size, without the empty sizes: `{ 2: 3 }`. */
function tuples(s: CompiledState): Record<number, number> {
  const out: Record<number, number> = {};
  s.tupleFree.forEach((n, i) => {
    if (n !== 0) out[i] = n;
  });
  return out;
}

function ledger(s: CompiledState): number {
  return s.listFree + s.dictFree + s.tupleFree.reduce((a, b) => a + b, 0);
}

describe('compiledState27 from empty free lists', () => {
  it('an empty module', () => {
    // Lists: arena, st_stack, the module entry's two, c_stack, makecode's consts = 6 (arena kept).
    // Dicts: st_symbols, the entry's, analyze's 2 + 6 = 10 (the unit's five reuse analyze's).
    // Tuples: one (None, type) key, the temporary (None,) that co_consts then reuses = 2.
    const s = compiled('');
    expect(s.counts).toEqual([18, 0, 0]);
    expect(s.listFree).toBe(5);
    expect(s.dictFree).toBe(10);
    expect(tuples(s)).toEqual({ 2: 1 });
  });

  it('one def: another block, three more analysis dicts while nested, and its code object', () => {
    const s = compiled('def f():\n    pass\n');
    expect(s.counts).toEqual([34, 0, 0]);
    expect(s.listFree).toBe(7);
    expect(s.dictFree).toBe(20);
    // Keys: module (code, None, 'f'), f's (None).
    expect(tuples(s)).toEqual({ 2: 3 });
    // Kept: f's co_consts; the module's co_consts and co_names.
    expect(s.counts[0]).toBe(ledger(s) + 1 + 3);
  });

  const cases: { name: string; src: string; count: number; list: number; dict: number; tuple: Record<number, number>; kept: number }[] = [
    // module: co_consts (1, 2, code, None), co_names (f); f: co_consts (None,), co_varnames (a, b, c).
    { name: 'a def with defaults', src: 'def f(a, b=1, c=2):\n    return a + b + c\n', count: 41, list: 7, dict: 20, tuple: { 2: 9 }, kept: 4 },
    // module: co_consts ('A', code, None, ()) (the empty bases fold), co_names (A);
    // the class body: co_names (__name__, __module__), empty co_consts.
    { name: 'a class', src: 'class A:\n    pass\n', count: 38, list: 7, dict: 20, tuple: { 2: 6, 3: 1 }, kept: 3 },
    // module: co_consts, co_names; outer: co_consts, co_varnames (x, inner), co_cellvars (x);
    // inner: co_consts, co_varnames (y), co_freevars (x). Two levels of nesting hold 3 + 3 more dicts.
    { name: 'nested functions', src: 'def outer(x):\n    def inner(y):\n        return x + y\n    return inner\n', count: 56, list: 9, dict: 30, tuple: { 2: 8 }, kept: 8 },
    // module: co_consts, co_names (sq); the lambda: co_consts (None,), co_varnames (n).
    { name: 'a lambda', src: 'sq = lambda n: n * n\n', count: 36, list: 7, dict: 20, tuple: { 2: 4 }, kept: 4 },
    // the generator expression is a block with co_varnames (.0, x) and co_consts (None,).
    { name: 'a generator expression', src: 'g = (x for x in range(3))\n', count: 39, list: 7, dict: 20, tuple: { 2: 7 }, kept: 4 },
    // a set comprehension's code returns its set: no None constant.
    { name: 'a set comprehension', src: 's = {x for x in range(3)}\n', count: 37, list: 7, dict: 20, tuple: { 2: 6 }, kept: 3 },
    // 2.7 list comprehensions are inline: no block, only more keys (3, range, x, l, None).
    { name: 'a list comprehension', src: 'l = [x for x in range(3)]\n', count: 23, list: 5, dict: 10, tuple: { 2: 5 }, kept: 2 },
    // co_consts (2, 3, 1, None) + the folded 6 and (1, 2) = 6 entries; (1, 2) is kept too.
    { name: 'constants that fold', src: 'x = 2 * 3\nt = (1, 2)\n', count: 26, list: 5, dict: 10, tuple: { 2: 6, 4: 1 }, kept: 3 },
    // co_consts (-1, ('path', 'sep'), None), co_names (os, path, sep); the names tuple is kept,
    // its key tuple, its keys' 2-tuples and the (type, names, keys) 3-tuple are freed.
    { name: 'from m import a, b', src: 'from os import path, sep\n', count: 28, list: 5, dict: 10, tuple: { 2: 8, 3: 1 }, kept: 3 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = compiled(c.src);
      expect(s.counts).toEqual([c.count, 0, 0]);
      expect(s.listFree).toBe(c.list);
      expect(s.dictFree).toBe(c.dict);
      expect(tuples(s)).toEqual(c.tuple);
      expect(s.counts[0]).toBe(ledger(s) + 1 + c.kept);
    });
  }

  it('a statement that is only a literal, and an `if 0:` body, compile to nothing', () => {
    expect(compiled('1\nif 0:\n    x = 2\n')).toEqual(compiled(''));
    // A docstring is one more constant and `__doc__` one more name: two more keys and a
    // co_names tuple.
    const withDoc = compiled('"doc"\n');
    expect(withDoc.counts[0] - compiled('').counts[0]).toBe(3);
  });
});

describe('compiledState27 with free lists to take from', () => {
  it('full free lists: nothing allocated; only what the code objects keep is missing from them', () => {
    const full = start([5, 0, 0], 80, 80, Array.from({ length: 20 }, (_, i) => (i === 0 ? 0 : 2000)));
    const s = compiled('def f():\n    pass\n', full);
    expect(s.counts).toEqual([5, 0, 0]);
    // The arena's list is kept.
    expect(s.listFree).toBe(79);
    expect(s.dictFree).toBe(80);
    // f's co_consts (None,) and the module's co_names ('f',); the module's co_consts (code, None).
    expect(s.tupleFree[1]).toBe(1998);
    expect(s.tupleFree[2]).toBe(1999);
  });

  it('count0 passing the threshold collects generation 0', () => {
    // The second of the empty module's 18 allocations makes count0 701.
    const s = compiled('', start([699, 0, 0], 0, 0, []));
    expect(s.counts).toEqual([16, 1, 0]);
  });
});

describe("compiledState27 from the 2.7 profile's compile start", () => {
  const prefix = 'import gc\nprint(gc.get_count())\n';
  const real = PROFILES['2.7'].compileStart!;
  // [script, compiled count0, CPython 2.7.18's first gc.get_count()]
  const cases: [string, number, string][] = [
    ['', 461, '(513, 8, 0)'],
    ['def f():\n    pass\n', 474, '(526, 8, 0)'],
    ['class A:\n    pass\n', 473, '(525, 8, 0)'],
    ['def outer(x):\n    def inner(y):\n        return x + y\n    return inner\n', 487, '(540, 8, 0)'],
    ['l = [x for x in range(3)]\n', 461, '(513, 8, 0)'],
    ['from os import path, sep\n', 462, '(514, 8, 0)'],
  ];
  for (const [src, count0, cpython] of cases) {
    it(JSON.stringify(src), () => {
      expect(compiled(prefix + src, real).counts).toEqual([count0, 8, 0]);
      expect(runCaptured('2.7', prefix + src).out.split('\n')[0]).toBe(cpython);
    });
  }
});
