import { describe, expect, it } from 'vitest';
import { hasItemsize, newClass } from './classes.js';
import { PyException } from './errors.js';
import { Heap } from './heap.js';
import { dictSetStr, newDict, newStr, newTuple } from './objects.js';
import type { Ref } from './ref.js';
import { strOf } from './repr.js';
import { type TypeData, TypeFlag } from './typedata.js';

/** `class X(base): __slots__ = slots` (slots null: no __slots__); the class or the TypeError message. */
function makeClass(heap: Heap, base: Ref, slots: string[] | null): Ref | string {
  const ns = newDict(heap);
  if (slots !== null) {
    const names = slots.map((s) => newStr(heap, s));
    const t = newTuple(heap, names);
    for (const n of names) heap.decref(n);
    dictSetStr(heap, ns, '__slots__', t);
    heap.decref(t);
  }
  try {
    return newClass(heap, { name: 'X', bases: [base], namespace: ns });
  } catch (e) {
    if (!(e instanceof PyException)) throw e;
    return strOf(heap, e.exc);
  } finally {
    heap.decref(ns);
  }
}

function weakrefable(heap: Heap, cls: Ref | string): boolean {
  if (typeof cls === 'string') throw new Error(cls);
  return ((heap.payload[cls] as TypeData).tflags & TypeFlag.WEAKREFABLE) !== 0;
}

describe('variable-size bases (tp_itemsize != 0), values from CPython 2.7.18 / 3.12.1', () => {
  it('3.12: tuple, bytes, int and type are variable-size; str, float, list are not', () => {
    const heap = new Heap({ version: '3.12' });
    const t = heap.t;
    expect([t.tuple, t.bytes, t.int, t.type].map((b) => hasItemsize(heap, b))).toEqual([true, true, true, true]);
    expect([t.str, t.float, t.list, t.frozenset, t.object].map((b) => hasItemsize(heap, b))).toEqual([false, false, false, false, false]);
  });

  it('2.7: tuple, str and long are variable-size; int and unicode are not', () => {
    const heap = new Heap({ version: '2.7' });
    const t = heap.t;
    expect([t.tuple, t.str, t.long].map((b) => hasItemsize(heap, b))).toEqual([true, true, true]);
    expect([t.int, t.unicode, t.float].map((b) => hasItemsize(heap, b))).toEqual([false, false, false]);
  });

  it('subclasses of variable-size types get no __weakref__ slot; others do', () => {
    const h3 = new Heap({ version: '3.12' });
    expect(weakrefable(h3, makeClass(h3, h3.t.int, null))).toBe(false);
    expect(weakrefable(h3, makeClass(h3, h3.t.tuple, null))).toBe(false);
    expect(weakrefable(h3, makeClass(h3, h3.t.str, null))).toBe(true);
    const h2 = new Heap({ version: '2.7' });
    expect(weakrefable(h2, makeClass(h2, h2.t.int, null))).toBe(true);
    expect(weakrefable(h2, makeClass(h2, h2.t.str, null))).toBe(false);
    expect(weakrefable(h2, makeClass(h2, h2.t.long, null))).toBe(false);
    expect(weakrefable(h2, makeClass(h2, h2.t.unicode, null))).toBe(true);
  });

  it('any __slots__ entry on a variable-size base is refused, __weakref__ and __dict__ included', () => {
    const h3 = new Heap({ version: '3.12' });
    expect(makeClass(h3, h3.t.tuple, ['__weakref__'])).toBe("nonempty __slots__ not supported for subtype of 'tuple'");
    expect(makeClass(h3, h3.t.int, ['__dict__'])).toBe("nonempty __slots__ not supported for subtype of 'int'");
    expect(typeof makeClass(h3, h3.t.str, ['a'])).toBe('number');
    expect(typeof makeClass(h3, h3.t.tuple, [])).toBe('number');
    const h2 = new Heap({ version: '2.7' });
    expect(makeClass(h2, h2.t.str, ['__weakref__'])).toBe("nonempty __slots__ not supported for subtype of 'str'");
    expect(typeof makeClass(h2, h2.t.unicode, ['a'])).toBe('number');
  });

  it('__weakref__ slot when the base already has one: the message differs per version', () => {
    const h3 = new Heap({ version: '3.12' });
    expect(makeClass(h3, h3.t.frozenset, ['__weakref__'])).toBe('__weakref__ slot disallowed: we already got one');
    const h2 = new Heap({ version: '2.7' });
    expect(makeClass(h2, h2.t.frozenset, ['__weakref__'])).toBe('__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0');
  });
});
