import { describe, it, expect } from 'vitest';
import { Heap, call, callMethod, newClass, newDict, length, reprOf, getIter, iterNext } from '@heaplab/heap';
import { attachCollector } from '@heaplab/gc';
import { installWeakrefTypes } from '../reftypes.js';
import { weakSetClass } from '../weakset.js';

describe('smoke', () => {
  for (const version of ['2.7', '3.12'] as const) {
    it(`weakset ${version}`, () => {
      const heap = new Heap({ version });
      const gc = attachCollector(heap);
      installWeakrefTypes(heap);
      const WS = weakSetClass(heap);
      const ns = newDict(heap);
      const Obj = newClass(heap, { name: 'Obj', bases: [], namespace: ns });
      const a = call(heap, Obj, []);
      const b = call(heap, Obj, []);
      const ws = call(heap, WS, []);
      heap.decref(callMethod(heap, ws, 'add', [a]));
      heap.decref(callMethod(heap, ws, 'add', [b]));
      expect(length(heap, ws)).toBe(2);
      heap.decref(b);
      expect(length(heap, ws)).toBe(1);
      console.log(reprOf(heap, ws));
      const it = getIter(heap, ws);
      console.log(reprOf(heap, it));
      const x = iterNext(heap, it);
      expect(x).toBe(a);
      heap.decref(x);
      heap.decref(a);
      expect(length(heap, ws)).toBe(1); // pending
      expect(iterNext(heap, it)).toBe(0);
      expect(length(heap, ws)).toBe(0);
      heap.decref(it);
      heap.decref(ws);
      gc.collect();
    });
  }
});
