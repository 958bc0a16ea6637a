/**
 * The collector against CPython's observed results (shared/spec/gc.md section 5), driven
 * through the TypeScript API. Each test names the CPython result it reproduces.
 */
import { describe, expect, it } from 'vitest';
import {
  dictSetItem,
  defineMethod,
  Heap,
  listAppend,
  newClass,
  newDict,
  newInt,
  newList,
  newTuple,
  newWeakref,
  newBuiltinFunction,
  setAttr,
  call,
  type Ref,
  weakrefReferent,
  type PythonVersion,
  newStr,
} from '@heaplab/heap';
import { attachCollector } from './api.js';

function setup(version: PythonVersion) {
  const heap = new Heap({ version, writeStderr: () => {} });
  const gc = attachCollector(heap);
  gc.disable();
  gc.collect();
  return { heap, gc };
}

function makeClass(heap: Heap, name: string, del?: (self: Ref) => void): Ref {
  const ns = newDict(heap);
  const mod = newStr(heap, '__main__');
  setItem(heap, ns, '__module__', mod);
  const cls = newClass(heap, { name, bases: [], namespace: ns });
  heap.decref(ns);
  if (del) defineMethod(heap, cls, '__del__', (h, self) => (del(self), h.newRef(h.None)));
  return cls;
}

function setItem(heap: Heap, d: Ref, k: string, v: Ref) {
  const key = newStr(heap, k);
  dictSetItem(heap, d, key, v);
  heap.decref(key);
}

const both: PythonVersion[] = ['2.7', '3.12'];

describe('collect() return values (spec 5: test_list, test_dict, test_tuple)', () => {
  for (const v of both) {
    it(`${v}: a self-referencing list is 1 object`, () => {
      const { heap, gc } = setup(v);
      const l = newList(heap, []);
      listAppend(heap, l, l);
      expect(gc.collect()).toBe(0); // still referenced
      heap.decref(l);
      expect(gc.collect()).toBe(1);
    });
    it(`${v}: a dict holding itself is 1 object`, () => {
      const { heap, gc } = setup(v);
      const d = newDict(heap);
      const one = newInt(heap, 1);
      dictSetItem(heap, d, one, d);
      heap.decref(d);
      expect(gc.collect()).toBe(1);
    });
    it(`${v}: list <-> tuple is 2 objects`, () => {
      const { heap, gc } = setup(v);
      const l = newList(heap, []);
      const t = newTuple(heap, [l]);
      listAppend(heap, l, t);
      heap.decref(t);
      heap.decref(l);
      expect(gc.collect()).toBe(2);
    });
  }
});

describe('instances (spec 4.2: new-style 2-instance cycle 4 | 2)', () => {
  it('2.7 counts the two instance dicts; 3.12 keeps attributes inline', () => {
    for (const [v, expected] of [
      ['2.7', 4],
      ['3.12', 2],
    ] as const) {
      const { heap, gc } = setup(v);
      const A = makeClass(heap, 'A');
      const a = call(heap, A, []);
      const b = call(heap, A, []);
      setAttr(heap, a, 'b', b);
      setAttr(heap, b, 'a', a);
      heap.decref(a);
      heap.decref(b);
      expect(gc.collect()).toBe(expected);
    }
  });
});

describe('__del__ in a cycle (spec 5 #9, seed_06)', () => {
  it('2.7: uncollectable, both instances land in gc.garbage, __del__ not called', () => {
    const { heap, gc } = setup('2.7');
    const calls: Ref[] = [];
    const A = makeClass(heap, 'A', (s) => calls.push(s));
    const a = call(heap, A, []);
    const b = call(heap, A, []);
    setAttr(heap, a, 'b', b);
    setAttr(heap, b, 'a', a);
    heap.decref(a);
    heap.decref(b);
    expect(gc.collect()).toBe(4);
    expect(calls.length).toBe(0);
    expect(gc.garbageItems().length).toBe(2);
  });
  it('3.12: __del__ runs once for each, collect returns 2, garbage stays empty', () => {
    const { heap, gc } = setup('3.12');
    const calls: Ref[] = [];
    const A = makeClass(heap, 'A', (s) => calls.push(s));
    const a = call(heap, A, []);
    const b = call(heap, A, []);
    setAttr(heap, a, 'b', b);
    setAttr(heap, b, 'a', a);
    heap.decref(a);
    heap.decref(b);
    expect(gc.collect()).toBe(2);
    expect(calls).toEqual([a, b]);
    expect(gc.garbageItems().length).toBe(0);
  });
});

describe('generations (spec 5 #16, test_collect_generations)', () => {
  for (const v of both) {
    it(`${v}: counts after collect(0), collect(1), collect(2)`, () => {
      const { heap, gc } = setup(v);
      const x = newList(heap, []);
      gc.collect(0);
      expect(gc.getCount()).toEqual([0, 1, 0]);
      gc.collect(1);
      expect(gc.getCount()).toEqual([0, 0, 1]);
      gc.collect(2);
      expect(gc.getCount()).toEqual([0, 0, 0]);
      gc.collect(0);
      gc.collect(0);
      expect(gc.getCount()).toEqual([0, 2, 0]);
      heap.decref(x);
    });
  }
  it('invalid generation raises ValueError', () => {
    const { gc, heap } = setup('3.12');
    expect(() => gc.collect(3)).toThrow('ValueError: invalid generation');
    void heap;
  });
});

describe('weakref callbacks during collection (spec 5 #54)', () => {
  it('3.12: callbacks of live weakrefs run newest first and see a dead referent', () => {
    const { heap, gc } = setup('3.12');
    const A = makeClass(heap, 'A');
    const a = call(heap, A, []);
    setAttr(heap, a, 'self', a);
    const seen: string[] = [];
    const cb = (name: string) =>
      newBuiltinFunction(heap, name, (h, _s, args) => {
        seen.push(`${name}:${weakrefReferent(h, args[0]!) === 0 ? 'dead' : 'alive'}`);
        return h.newRef(h.None);
      });
    const w1 = newWeakref(heap, a, cb('w1'));
    const w2 = newWeakref(heap, a, cb('w2'));
    heap.decref(a);
    expect(gc.collect()).toBe(1);
    expect(seen).toEqual(['w2:dead', 'w1:dead']);
    heap.decref(w1);
    heap.decref(w2);
  });
});

describe('DEBUG_SAVEALL (spec 5 #13)', () => {
  for (const v of both) {
    it(`${v}: the garbage list keeps the self-referencing list`, () => {
      const { heap, gc } = setup(v);
      gc.setDebug(gc.flags.DEBUG_SAVEALL);
      const l = newList(heap, []);
      listAppend(heap, l, l);
      heap.decref(l);
      expect(gc.collect()).toBe(1);
      expect(gc.garbageItems()).toEqual([l]);
    });
  }
});

describe('debug output', () => {
  it('3.12 DEBUG_COLLECTABLE prints one line per garbage object', () => {
    let err = '';
    const heap = new Heap({ version: '3.12', writeStderr: (s) => (err += s) });
    const gc = attachCollector(heap);
    gc.disable();
    const l = newList(heap, []);
    listAppend(heap, l, l);
    heap.decref(l);
    gc.setDebug(gc.flags.DEBUG_COLLECTABLE);
    gc.collect();
    expect(err).toMatch(/^gc: collectable <list 0x7f[0-9a-f]+>\n$/);
  });
  it('2.7 needs DEBUG_OBJECTS as well', () => {
    let err = '';
    const heap = new Heap({ version: '2.7', writeStderr: (s) => (err += s) });
    const gc = attachCollector(heap);
    gc.disable();
    const l = newList(heap, []);
    listAppend(heap, l, l);
    heap.decref(l);
    gc.setDebug(gc.flags.DEBUG_COLLECTABLE);
    gc.collect();
    expect(err).toBe('');
  });
});
