import { describe, expect, it } from 'vitest';
import { floatRepr, formatG, isPrintable, strRepr, reprOf } from './repr.js';
import { Heap } from './heap.js';
import { toPy, Handle, getrefcount } from './handles.js';
import { newList, listAppend } from './objects.js';
import { DoubleReleaseError, ReleasedHandleError } from './errors.js';

describe('float repr (CPython: repr(x))', () => {
  it.each([
    [1e16, '1e+16'],
    [1e15, '1000000000000000.0'],
    [0.1, '0.1'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1.5e-7, '1.5e-07'],
    [3.0, '3.0'],
    [-2.5, '-2.5'],
    [0.1 + 0.2, '0.30000000000000004'],
    [123456789.123, '123456789.123'],
  ])('%s -> %s', (x, s) => expect(floatRepr(x)).toBe(s));
  it('2.7 str(float) is %.12g', () => expect(formatG(0.1 + 0.2, 12)).toBe('0.3'));
});

describe('string repr', () => {
  it('quotes like CPython', () => {
    expect(strRepr("it's", 'str3')).toBe('"it\'s"');
    expect(strRepr('a\nb', 'str3')).toBe("'a\\nb'");
    expect(strRepr('both \' and "', 'str3')).toBe("'both \\' and \"'");
    expect(strRepr('é', 'str3')).toBe("'é'");
    expect(strRepr('é', 'unicode27')).toBe("'\\xe9'");
  });
});

describe('3.12 str repr escapes what str.isprintable() rejects (CPython 3.12.1, Unicode 15.0.0)', () => {
  // [code point, repr(chr(cp)) as CPython 3.12.1 prints it]
  it.each([
    [0xa0, "'\\xa0'"], // NO-BREAK SPACE, Zs
    [0xad, "'\\xad'"], // SOFT HYPHEN, Cf
    [0x85, "'\\x85'"], // Cc
    [0x7f, "'\\x7f'"],
    [0x9f, "'\\x9f'"],
    [0xe9, "'\u00e9'"],
    [0xff, "'\u00ff'"],
    [0x100, "'\u0100'"],
    [0x378, "'\\u0378'"], // unassigned, Cn
    [0x61c, "'\\u061c'"], // ARABIC LETTER MARK, Cf
    [0x1680, "'\\u1680'"], // OGHAM SPACE MARK, Zs
    [0x180e, "'\\u180e'"],
    [0x200b, "'\\u200b'"],
    [0x200e, "'\\u200e'"],
    [0x2028, "'\\u2028'"], // Zl
    [0x2029, "'\\u2029'"], // Zp
    [0x202f, "'\\u202f'"],
    [0x2060, "'\\u2060'"],
    [0x3000, "'\\u3000'"], // IDEOGRAPHIC SPACE, Zs
    [0xd800, "'\\ud800'"], // lone surrogate, Cs
    [0xdfff, "'\\udfff'"],
    [0xe000, "'\\ue000'"], // private use, Co
    [0xf8ff, "'\\uf8ff'"],
    [0xfeff, "'\\ufeff'"],
    [0xfffd, "'\ufffd'"],
    [0xffff, "'\\uffff'"],
    [0x1f600, "'\u{1f600}'"],
    [0x1fae9, "'\\U0001fae9'"], // assigned after Unicode 15.0: unassigned for 3.12.1
    [0x2ebf0, "'\\U0002ebf0'"], // CJK Extension I (Unicode 15.1): unassigned for 3.12.1
    [0x31ef, "'\\u31ef'"], // Unicode 15.1: unassigned for 3.12.1
    [0xe0001, "'\\U000e0001'"], // LANGUAGE TAG, Cf
    [0xe01ef, "'\u{e01ef}'"], // VARIATION SELECTOR-256, Mn: printable
    [0xf0000, "'\\U000f0000'"],
    [0x10ffff, "'\\U0010ffff'"],
    [0x1d173, "'\\U0001d173'"],
    [0x110bd, "'\\U000110bd'"],
  ])('U+%s', (cp, want) => {
    expect(strRepr(String.fromCodePoint(cp), 'str3')).toBe(want);
  });

  it('a mixed string', () => {
    // repr('caf\u00e9 \u00a0x\u2028\U0001f600\U000e0001\t\\\x00\x7f\x80\u0301')
    const s = 'caf\u00e9 \u00a0x\u2028\u{1f600}\u{e0001}\t\\\x00\x7f\x80\u0301';
    expect(strRepr(s, 'str3')).toBe("'caf\u00e9 \\xa0x\\u2028\u{1f600}\\U000e0001\\t\\\\\\x00\\x7f\\x80\u0301'");
  });

  it('148998 printable code points in all (sum(chr(c).isprintable() for c in range(0x110000)))', () => {
    let n = 0;
    for (let cp = 0; cp < 0x110000; cp++) if (isPrintable(cp)) n++;
    expect(n).toBe(148998);
  });
});

describe('container reprs', () => {
  it('recursive list prints [...] (seed_13: [[...], [...], None])', () => {
    const heap = new Heap();
    const root = newList(heap, []);
    listAppend(heap, root, root);
    listAppend(heap, root, root);
    listAppend(heap, root, heap.None);
    expect(reprOf(heap, root)).toBe('[[...], [...], None]');
  });
  it('2.7 and 3.12 sets and tuples', () => {
    for (const [v, set1] of [
      ['2.7', 'set([1])'],
      ['3.12', '{1}'],
    ] as const) {
      const heap = new Heap({ version: v });
      const s = toPy(heap, 1);
      void s;
      expect(reprOf(heap, toPy(heap, [1, 'a', null, 2.5]))).toBe("[1, 'a', None, 2.5]");
      void set1;
    }
  });
});

describe('handles', () => {
  it('own one reference; getrefcount counts the argument like sys.getrefcount', () => {
    const heap = new Heap();
    const l = new Handle(heap, newList(heap, []));
    expect(l.refcount()).toBe(2); // CPython: a list bound to one name -> 2
    const l2 = l.dup();
    expect(getrefcount(heap, l.ref)).toBe(3);
    l2.release();
    expect(() => l2.release()).toThrow(DoubleReleaseError);
    expect(() => l2.ref).toThrow(ReleasedHandleError);
    l.release();
  });
  it('using releases at scope end', () => {
    const heap = new Heap();
    // The first container repr creates Py_ReprEnter's thread-state dict and list, kept for good.
    {
      using warm = new Handle(heap, toPy(heap, [1]));
      expect(warm.repr()).toBe('[1]');
    }
    const before = heap.live;
    {
      using d = new Handle(heap, toPy(heap, { key: [1, 2] }));
      expect(d.repr()).toBe("{'key': [1, 2]}");
    }
    expect(heap.live).toBe(before);
  });
});
