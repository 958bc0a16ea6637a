/**
 * Extension objects with a `__dict__` slot (`NativeData.dictSlot`, CPython's `tp_dictoffset`), a
 * `tp_clear` that reports "none", and the keyword dict `withArgsTuple` hands to a `tp_new`.
 */
import { describe, expect, it } from 'vitest';
import { withArgsTuple, tpCallKeywords } from './callables.js';
import { Heap } from './heap.js';
import { getAttrStorage, instanceDictState, objectDict } from './instances.js';
import { Kind } from './kinds.js';
import type { NativeData } from './layouts.js';
import { dictLen, newDict, newInt, newTuple } from './objects.js';
import { getAttr, setAttr } from './protocol.js';
import type { Ref } from './ref.js';
import { clearObject, referents } from './traverse.js';
import { TypeFlag, type TypeData } from './typedata.js';

/** A GC native object whose refs are `[held, dict]` (dict slot 1), of a copy of `object`'s layout. */
function nativeWithDict(heap: Heap, held: Ref): { obj: Ref; data: NativeData } {
  const type = heap.t.generator; // any NATIVE-layout static type will do
  const td = heap.payload[type] as TypeData;
  td.tflags |= TypeFlag.HAS_DICT;
  const data: NativeData = { refs: [held, 0], dictSlot: 1 };
  const obj = heap.alloc(type, Kind.NATIVE, data);
  heap.track(obj);
  return { obj, data };
}

describe('NativeData.dictSlot', () => {
  it('stores attributes in the slot, made on first store', () => {
    const heap = new Heap({ version: '3.12' });
    const held = newTuple(heap, [newInt(heap, 1)]);
    const { obj, data } = nativeWithDict(heap, held);
    expect(instanceDictState(heap, obj)).toBe('unmade');
    expect(objectDict(heap, obj, false)).toBe(0);
    const v = newInt(heap, 5);
    setAttr(heap, obj, 'x', v);
    expect(data.refs[1]).not.toBe(0);
    expect(heap.kind[data.refs[1]!]).toBe(Kind.DICT);
    expect(instanceDictState(heap, obj)).toBe('present');
    expect(getAttrStorage(heap, obj, 'x')).toBe(v);
    expect(getAttr(heap, obj, 'x')).toBe(v);
    // No side-table dict: the slot is the object's only attribute storage.
    expect(heap.sideData.has(obj)).toBe(false);
  });

  it('the default traversal and tp_clear see the dict like any other ref', () => {
    const heap = new Heap({ version: '3.12' });
    const held = newTuple(heap, [newInt(heap, 1)]);
    const { obj, data } = nativeWithDict(heap, held);
    setAttr(heap, obj, 'x', heap.None);
    const out: Ref[] = [];
    referents(heap, obj, out);
    expect(out).toEqual([held, data.refs[1]]);
  });
});

describe('TypeSlots.clear returning false (no tp_clear)', () => {
  it('clearObject reports that nothing was cleared and leaves the refs', () => {
    const heap = new Heap({ version: '2.7' });
    const held = newDict(heap);
    const { obj, data } = nativeWithDict(heap, held);
    const td = heap.payload[heap.typ[obj]!] as TypeData;
    const saved = td.slots.clear;
    td.slots.clear = () => false;
    try {
      expect(clearObject(heap, obj)).toBe(false);
      expect(data.refs[0]).toBe(held);
    } finally {
      td.slots.clear = saved;
    }
  });
});

describe('tpCallKeywords', () => {
  it('is the kwargs dict of the running tuple call, for the same kwnames array only', () => {
    const heap = new Heap({ version: '3.12' });
    const kw = ['b'];
    let seen = -1;
    let other = -1;
    const r = withArgsTuple(heap, [newInt(heap, 1), newInt(heap, 2)], kw, () => {
      const d = tpCallKeywords(heap, kw);
      seen = dictLen(heap, d);
      other = tpCallKeywords(heap, ['b']);
      return heap.newRef(heap.None);
    });
    expect(r).toBe(heap.None);
    expect(seen).toBe(1);
    expect(other).toBe(0);
    expect(tpCallKeywords(heap, kw)).toBe(0); // nothing running any more
  });
});
