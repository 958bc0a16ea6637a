/**
 * count0 bookkeeping of the allocations CPython hides or adds: free lists (tuples per size,
 * 2.7's builtin-method, bound-method and frame lists, `co_zombieframe`), METH_VARARGS argument
 * tuples, and Py_ReprEnter's one-time objects. Counts start from an emptied state
 * (`clearFreeLists`, what a full collection leaves) so every allocation is visible.
 */
import { describe, expect, it } from 'vitest';
import {
  call,
  dictGetStr,
  Heap,
  Kind,
  newBuiltinFunction,
  newInt,
  newList,
  newTuple,
  reprOf,
  setArgsTuple,
  type CodeData,
  type FrameData,
  type PythonVersion,
  type Ref,
} from './index.js';

function emptied(version: PythonVersion): Heap {
  const heap = new Heap({ version, writeStderr: () => {} });
  heap.clearFreeLists();
  heap.freeListCounts.list = 0;
  heap.freeListCounts.dict = 0;
  heap.gc.counts[0] = 0;
  return heap;
}

const count0 = (heap: Heap) => heap.gc.counts[0];

function newCodeObject(heap: Heap): Ref {
  const data = { consts: [], name: 'f', qualname: 'f', filename: 'x.py', firstlineno: 1, varnames: [], argcount: 0 } as unknown as CodeData;
  return heap.alloc(heap.t.code, Kind.CODE, data);
}

function newFrameObject(heap: Heap, code: Ref): Ref {
  heap.incref(code);
  const data: FrameData = { back: 0, code, globals: 0, builtins: 0, locals: 0, func: 0, fast: [], stack: [], lineno: 1 };
  const f = heap.alloc(heap.t.frame, Kind.FRAME, data);
  heap.track(f);
  return f;
}

describe('tuple free list', () => {
  for (const v of ['2.7', '3.12'] as const) {
    it(`${v}: a freed 3-tuple is parked (no decrement) and the next 3-tuple reuses it`, () => {
      const heap = emptied(v);
      const a = newTuple(heap, [heap.None, heap.None, heap.None]);
      expect(count0(heap)).toBe(1);
      heap.decref(a);
      expect(count0(heap)).toBe(1);
      expect(heap.freeListCounts.tuple[3]).toBe(1);
      const b = newTuple(heap, [heap.None, heap.None, heap.None]);
      expect(count0(heap)).toBe(1);
      // A 2-tuple has its own list: it counts.
      const c = newTuple(heap, [heap.None, heap.None]);
      expect(count0(heap)).toBe(2);
      heap.decref(b);
      heap.decref(c);
      expect(heap.freeListCounts.tuple[3]).toBe(1);
      expect(heap.freeListCounts.tuple[2]).toBe(1);
    });
  }
});

describe('2.7 builtin-method and frame free lists', () => {
  it('2.7: builtin_function_or_method objects are parked and reused; 3.12 frees them', () => {
    const h27 = emptied('2.7');
    const f1 = newBuiltinFunction(h27, 'f', (h) => h.newRef(h.None));
    expect(count0(h27)).toBe(1);
    h27.decref(f1);
    expect(count0(h27)).toBe(1);
    h27.decref(newBuiltinFunction(h27, 'g', (h) => h.newRef(h.None)));
    expect(count0(h27)).toBe(1);

    const h312 = emptied('3.12');
    const g1 = newBuiltinFunction(h312, 'f', (h) => h.newRef(h.None));
    expect(count0(h312)).toBe(1);
    h312.decref(g1);
    expect(count0(h312)).toBe(0);
  });

  it("2.7: a frame becomes its code's zombie, is reused without counting, and dies with the code", () => {
    const heap = emptied('2.7');
    const code = newCodeObject(heap);
    const f1 = newFrameObject(heap, code);
    expect(count0(heap)).toBe(1);
    heap.decref(f1);
    expect(count0(heap)).toBe(1); // parked as co_zombieframe
    expect(heap.zombieFrameCodes.has(code)).toBe(true);
    const f2 = newFrameObject(heap, code); // takes the zombie
    const f3 = newFrameObject(heap, code); // recursion: a new frame
    expect(count0(heap)).toBe(2);
    heap.decref(f3); // becomes the zombie
    heap.decref(f2); // zombie taken: goes to the frame free list
    expect(count0(heap)).toBe(2);
    expect(heap.freeListCounts.frame).toBe(1);
    heap.decref(code); // code_dealloc frees its zombie for real
    expect(count0(heap)).toBe(1);
    expect(heap.zombieFrameCodes.size).toBe(0);
  });
});

describe('METH_VARARGS argument tuples', () => {
  for (const v of ['2.7', '3.12'] as const) {
    it(`${v}: a call allocates a tracked tuple of the positional arguments and frees it afterwards`, () => {
      const heap = emptied(v);
      let seen: Ref[] = [];
      let tracked = false;
      const f = setArgsTuple(
        heap,
        newBuiltinFunction(heap, 'f', (h) => {
          seen = h.varargsTuple === 0 ? [] : [...(h.payload[h.varargsTuple] as Ref[])];
          tracked = h.varargsTuple !== 0 && h.isTracked(h.varargsTuple);
          return h.newRef(h.None);
        }),
      );
      const base = count0(heap);
      const x = newInt(heap, 1000);
      const y = newInt(heap, 2000);
      heap.decref(call(heap, f, [x, y], null));
      expect(seen).toEqual([x, y]);
      expect(tracked).toBe(true);
      expect(heap.varargsTuple).toBe(0);
      expect(count0(heap)).toBe(base + 1);
      expect(heap.freeListCounts.tuple[2]).toBe(1);
      // Again: the tuple comes from the free list.
      heap.decref(call(heap, f, [x, y], null));
      expect(count0(heap)).toBe(base + 1);
      // No positional arguments: the empty tuple singleton, nothing allocated.
      heap.decref(call(heap, f, [], null));
      expect(seen).toEqual([]);
      expect(count0(heap)).toBe(base + 1);
      // `f(x, k=y)`: a 1-tuple (its free list is empty) and a dict for the keyword.
      heap.decref(call(heap, f, [x, y], ['k']));
      expect(seen).toEqual([x]);
      expect(count0(heap)).toBe(base + 3);
      heap.decref(x);
      heap.decref(y);
    });
  }
});

describe("Py_ReprEnter's thread-state dict and Py_Repr list", () => {
  it('3.12: the first non-empty container repr allocates both (tracked, kept); later ones nothing', () => {
    const heap = emptied('3.12');
    const l = newList(heap, [heap.None]);
    expect(count0(heap)).toBe(1);
    reprOf(heap, newList(heap, [])); // '[]' returns before Py_ReprEnter in 3.12
    const afterEmpty = count0(heap);
    expect(heap.threadStateDict).toBe(0);
    expect(reprOf(heap, l)).toBe('[None]');
    expect(count0(heap)).toBe(afterEmpty + 2);
    const d = heap.threadStateDict;
    const pyRepr = dictGetStr(heap, d, 'Py_Repr');
    expect(heap.kind[pyRepr]).toBe(Kind.LIST);
    expect(heap.isTracked(pyRepr)).toBe(true);
    expect(heap.isTracked(d)).toBe(true);
    reprOf(heap, l);
    expect(count0(heap)).toBe(afterEmpty + 2);
  });

  it("2.7: `repr([])` already enters; a tuple's repr builds a pieces tuple of its size", () => {
    const heap = emptied('2.7');
    const empty = newList(heap, []);
    const before = count0(heap);
    expect(reprOf(heap, empty)).toBe('[]');
    expect(heap.threadStateDict).not.toBe(0);
    expect(count0(heap)).toBe(before + 2);
    const t = newTuple(heap, [heap.None, heap.True]);
    const afterTuple = count0(heap);
    expect(reprOf(heap, t)).toBe('(None, True)');
    // The 2-tuple free list held nothing, so `pieces` counted; it is parked afterwards.
    expect(count0(heap)).toBe(afterTuple + 1);
    expect(heap.freeListCounts.tuple[2]).toBe(1);
  });
});

describe('clearing the free lists (end of a full collection)', () => {
  // CPython 3.12.1 / 2.7.18: a finalizer that allocates during gc.collect(2) leaves count0 at
  // what it allocated minus the objects parked on the free lists since the last full collection
  // (scenario gc_full_collect_frees_freelists: 3.12 prints (1, 0, 0) after the collection).
  for (const v of ['2.7', '3.12'] as const) {
    it(`${v}: every parked object takes one off count0, never below zero`, () => {
      const heap = emptied(v);
      const parked = [newTuple(heap, [heap.None, heap.None]), newTuple(heap, [heap.None, heap.None, heap.None])];
      for (const t of parked) heap.decref(t);
      expect(heap.freeListCounts.tuple[2]).toBe(1);
      expect(heap.freeListCounts.tuple[3]).toBe(1);
      const kept = [newList(heap, []), newList(heap, []), newList(heap, [])];
      const before = count0(heap);
      heap.clearFreeLists();
      expect(count0(heap)).toBe(before - 2);
      expect(heap.freeListCounts.tuple[2]).toBe(0);
      heap.gc.counts[0] = 1;
      for (const t of [newTuple(heap, [heap.None]), newTuple(heap, [heap.None])]) heap.decref(t);
      heap.gc.counts[0] = 1;
      heap.clearFreeLists();
      expect(count0(heap)).toBe(0);
      for (const l of kept) heap.decref(l);
    });
  }
});

describe("a Python module's first import (2.7 importCounts)", () => {
  const cost = { steps: [5, -2, 3], tuplesKept: { 2: 1 }, tuplesBorrowed: { 3: 2 }, dictsKept: 1, listsKept: 0 };

  it('hides the native construction, then allocates what the free lists lack and replays the steps', () => {
    const heap = emptied('2.7');
    heap.freeListCounts.tuple[3] = 1;
    const made = heap.withImportCost(cost, () => newList(heap, [newInt(heap, 1000)]));
    // Missing: one 2-tuple, one 3-tuple, one dict; then 5 - 2 + 3.
    expect(count0(heap)).toBe(3 + 6);
    expect(heap.freeListCounts.tuple[3]).toBe(2);
    expect(heap.freeListCounts.tuple[2]).toBe(0);
    expect(heap.gc.counts[1]).toBe(0);
    heap.decref(made);
  });

  it('deallocations never take count0 below zero (the collection itself needs a collector: conformance)', () => {
    const heap = emptied('2.7');
    heap.freeListCounts.tuple[2] = 5;
    heap.freeListCounts.tuple[3] = 5;
    heap.freeListCounts.dict = 5;
    heap.withImportCost({ ...cost, steps: [1, -3, 2] }, () => 0);
    expect(count0(heap)).toBe(2);
    expect(heap.freeListCounts.tuple[2]).toBe(4);
    expect(heap.freeListCounts.tuple[3]).toBe(5);
    expect(heap.freeListCounts.dict).toBe(4);
  });
});
