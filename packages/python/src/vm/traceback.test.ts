/**
 * 3.12 caret lines: code positions are UTF-8 byte offsets, carets are drawn in characters.
 * Expected texts are what CPython 3.12.1 prints for the same programs.
 */
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../run-captured.js';

const caretLines = (out: string) => out.split('\n').filter((l) => /^\s+[~^]+\s*$/.test(l));

describe('3.12 caret lines under non-ASCII text', () => {
  it('a subscript after a non-ASCII key is marked where it is', () => {
    const src = 'd = {"é": 1}\nd["é"] + d["ü"]\n';
    expect(caretLines(runCaptured('3.12', src).out)).toEqual(['             ~^^^^^']);
  });

  it('an attribute of a non-ASCII string value and a binary operator after one', () => {
    const attr = runCaptured('3.12', 's = "日本語"\nlen(s) + s.nope\n').out;
    expect(caretLines(attr)).toEqual(['             ^^^^^^']);
    const binop = runCaptured('3.12', 'def f():\n    return len("größe") + (None)\nf()\n').out;
    expect(caretLines(binop)).toEqual(['           ~~~~~~~~~~~~~^~~~~~~~']);
  });
});
