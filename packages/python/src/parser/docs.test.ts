/** The doc-comment examples of the exported functions, run. */
import { describe, expect, it } from 'vitest';
import { checkContext, findContextError } from './context.js';
import { decodeSource } from './decode.js';
import { generateProgram, normalize } from './fixture-harness.js';
import { PySyntaxError, parse } from './index.js';
import { Parser } from './parser.js';
import { Source } from './source.js';
import { decodeFStringText, decodeString, LiteralError, splitLiteral, unescapeLiteral } from './strings.js';
import { Tokenizer } from './tokenizer.js';
import { lookupUnicodeName } from './unicode_names.js';

describe('doc examples', () => {
  it('parse', () => {
    expect(parse('x = 1\n', { dialect: '3.12' }).body[0]?.type).toBe('Assign');
    expect(parse('print "hi"\n', { dialect: '2.7' }).body[0]?.type).toBe('Print');
  });
  it('PySyntaxError', () => {
    try {
      parse('x = (', { dialect: '3.12' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PySyntaxError);
      const err = e as PySyntaxError;
      expect([err.msg, err.lineno, err.offset]).toEqual(["'(' was never closed", 1, 5]);
    }
  });
  it('strings', () => {
    expect(decodeString("b'\\x41'", { dialect: '3.12', unicodeLiterals: false, encoding: null }).value).toBe('A');
    expect(unescapeLiteral('a\\tb\\u00e9', 'text', '3.12')).toBe('a\tbé');
    expect(unescapeLiteral('\\777', 'bytes', '2.7')).toBe('\xff');
    expect(splitLiteral("Rb'''x'''")).toEqual({ prefix: 'rb', quoteLen: 3, body: 'x' });
    expect(decodeFStringText('a\\n', false)).toBe('a\n');
    expect(decodeFStringText('a\\n', true)).toBe('a\\n');
    expect(() => unescapeLiteral('\\x4', 'text', '3.12')).toThrow(LiteralError);
    expect(lookupUnicodeName('bullet')).toBe(0x2022);
  });
  it('Source / Tokenizer / Parser', () => {
    const src = new Source('x = "é"\r\ny\n', 'a.py', '3.12');
    expect(src.lineText(1)).toBe('x = "é"');
    expect(src.byteCol(1, 6)).toBe(7);
    const tz = new Tokenizer(new Source('x = 1\n', 'a.py', '3.12'));
    expect([tz.next().value, tz.next().value]).toEqual(['x', '=']);
    expect(new Parser(new Source('pass\n', 'a.py', '2.7')).parseModule().body[0]?.type).toBe('Pass');
  });
  it('context / decode / harness / perf helpers', () => {
    expect(findContextError(parse('return 1\n', { dialect: '3.12' }), { dialect: '3.12' })?.msg).toBe("'return' outside function");
    expect(() => checkContext(parse('while x:\n    break\n', { dialect: '2.7' }), { dialect: '2.7' })).not.toThrow();
    expect(decodeSource(new TextEncoder().encode('# -*- coding: utf-8 -*-\nx = 1\n'), { dialect: '2.7' }).encoding).toBe('utf-8');
    expect(normalize({ t: 'int', v: 1n }, undefined, '3.12')).toEqual({ t: 'int', v: '1' });
    expect(parse(generateProgram(1_050), { dialect: '3.12' }).body.length).toBe(50);
  });
});
