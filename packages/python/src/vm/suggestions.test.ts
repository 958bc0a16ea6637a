/**
 * The "Did you mean" machinery against what CPython 3.12.1 prints (each expectation below was
 * read off `python3.12 -c ...` on this machine).
 */
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../run-captured.js';
import { closestName, levenshteinDistance } from './suggestions.js';

const codes = (s: string) => [...Buffer.from(s, 'utf8')];

describe('levenshteinDistance (MOVE_COST 2, CASE_COST 1)', () => {
  it('charges 2 per edit and 1 per case flip, after dropping common affixes', () => {
    expect(levenshteinDistance(codes('counter'), codes('countr'), 100)).toBe(2);
    expect(levenshteinDistance(codes('Counter'), codes('counter'), 100)).toBe(1);
    expect(levenshteinDistance(codes('abc'), codes('abc'), 100)).toBe(0);
    expect(levenshteinDistance(codes('kitten'), codes('sitting'), 100)).toBe(6);
  });
  it('gives up above the budget', () => {
    expect(levenshteinDistance(codes('a'), codes('abcdefgh'), 3)).toBeGreaterThan(3);
  });
});

describe('closestName', () => {
  it('accepts at most a third of the characters changed', () => {
    expect(closestName('countr', ['counter'])).toBe('counter');
    expect(closestName('ABCDEF', ['abcdef'])).toBeNull(); // 6 case flips > (6+6+3)*2/6 = 5
    expect(closestName('lenn', ['len', 'lent'])).toBe('len');
  });
  it('keeps the first of equally close names and skips the name itself', () => {
    expect(closestName('ad', ['ab', 'ac'])).toBe('ab');
    expect(closestName('x', ['x'])).toBeNull();
  });
  it('offers nothing among 750 or more candidates', () => {
    const many = Array.from({ length: 750 }, (_, i) => `name${i}`);
    expect(closestName('name1x', many)).toBeNull();
    expect(closestName('name1x', many.slice(0, 749))).toBe('name1');
  });
});

const run = (version: '2.7' | '3.12', source: string): string => runCaptured(version, source).out;

describe('printed hints (CPython 3.12.1)', () => {
  it('uncaught NameError: a close global, and a stdlib module not imported', () => {
    expect(run('3.12', 'counter = 1\nprint(countr)\n')).toContain("NameError: name 'countr' is not defined. Did you mean: 'counter'?\n");
    expect(run('3.12', 'sis = 1\nprint(sys)\n')).toContain("NameError: name 'sys' is not defined. Did you mean: 'sis'? Or did you forget to import 'sys'?\n");
    expect(run('3.12', 'os.getcwd()\n')).toContain("NameError: name 'os' is not defined. Did you forget to import 'os'?\n");
  });
  it('inside a method, the instance attribute of that name', () => {
    const src = 'class C(object):\n    def __init__(self):\n        self.value = 1\n    def m(self):\n        return value\nC().m()\n';
    expect(run('3.12', src)).toContain("NameError: name 'value' is not defined. Did you mean: 'self.value'?\n");
  });
  it('AttributeError from dir(obj); none for a raised AttributeError without name/obj', () => {
    expect(run('3.12', '[].apend(1)\n')).toContain("AttributeError: 'list' object has no attribute 'apend'. Did you mean: 'append'?\n");
    expect(run('3.12', "raise AttributeError('nope')\n")).toContain('AttributeError: nope\n');
  });
  it('the interpreter printer gives subclasses no hint; the traceback module does (without the final ?)', () => {
    const src = 'import traceback\ntry:\n    os\nexcept NameError:\n    print(traceback.format_exc().splitlines()[-1])\n';
    expect(run('3.12', src)).toBe("NameError: name 'os' is not defined. Did you forget to import 'os'\n");
  });
  it('2.7 has no hints and no name attribute', () => {
    expect(run('2.7', 'counter = 1\nprint countr\n')).toContain("NameError: name 'countr' is not defined\n");
  });
  it('the error keeps the object it was looked up on (e.obj), like CPython', () => {
    const src = 'import sys\nclass A(object): pass\na = A()\nbefore = sys.getrefcount(a)\ntry:\n    a.nope\nexcept AttributeError as e:\n    print(e.name, e.obj is a, sys.getrefcount(a) - before)\n';
    expect(run('3.12', src)).toBe('nope True 1\n');
  });
});
