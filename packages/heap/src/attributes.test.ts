import { describe, expect, it } from 'vitest';
import { newClass } from './classes.js';
import { PyException } from './errors.js';
import { Heap } from './heap.js';
import { instanceDictState } from './instances.js';
import { dictSetStr, newDict, newInt, newModule } from './objects.js';
import { call, setAttr } from './protocol.js';
import type { Ref } from './ref.js';
import { strOf } from './repr.js';

/** `del obj.name` and the AttributeError message it raises (str of the exception's argument). */
function delMessage(heap: Heap, obj: Ref, name: string): string {
  try {
    setAttr(heap, obj, name, 0);
  } catch (e) {
    if (!(e instanceof PyException)) throw e;
    return strOf(heap, e.exc);
  }
  throw new Error('del did not raise');
}

/** class A(object): debug = False — and an instance of it. */
function classWithAttr(heap: Heap): { A: Ref; a: Ref } {
  const ns = newDict(heap);
  dictSetStr(heap, ns, 'debug', heap.False);
  const A = newClass(heap, { name: 'A', bases: [], namespace: ns });
  heap.decref(ns);
  return { A, a: call(heap, A, []) };
}

describe('del of a missing attribute (values from CPython 2.7.18 / 3.12.1)', () => {
  it('2.7: class attribute, instance dict never made -> read-only', () => {
    const heap = new Heap({ version: '2.7' });
    const { a } = classWithAttr(heap);
    expect(instanceDictState(heap, a)).toBe('unmade');
    expect(delMessage(heap, a, 'debug')).toBe("'A' object attribute 'debug' is read-only");
    expect(delMessage(heap, a, 'nope')).toBe("'A' object has no attribute 'nope'");
  });

  it('2.7: instance dict exists -> the KeyError becomes AttributeError(name)', () => {
    const heap = new Heap({ version: '2.7' });
    const { a } = classWithAttr(heap);
    const one = newInt(heap, 1);
    setAttr(heap, a, 'level', one);
    setAttr(heap, a, 'level', 0);
    expect(instanceDictState(heap, a)).toBe('present');
    expect(delMessage(heap, a, 'debug')).toBe('debug');
    expect(delMessage(heap, newModule(heap, 'os'), 'zzz')).toBe('zzz');
  });

  it('3.12: a dict slot counts as present; always "has no attribute"', () => {
    const heap = new Heap({ version: '3.12' });
    const { a } = classWithAttr(heap);
    expect(delMessage(heap, a, 'debug')).toBe("'A' object has no attribute 'debug'");
    expect(delMessage(heap, newModule(heap, 'os'), 'zzz')).toBe("'module' object has no attribute 'zzz'");
  });

  it('an object without a dict slot', () => {
    const heap = new Heap({ version: '3.12' });
    expect(instanceDictState(heap, heap.None)).toBe('none');
    expect(delMessage(heap, heap.None, 'x')).toBe("'NoneType' object has no attribute 'x'");
  });
});
