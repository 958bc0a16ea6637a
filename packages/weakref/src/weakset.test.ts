/**
 * WeakSet, transcribed from test_weakset.py and conformance/scenarios/wr_weakset_*.py and
 * seed_11_weakset.py; expectations cite the CPython 2.7.18 / 3.12.1 results.
 */
import { describe, expect, it } from 'vitest';
import { CompareOp, getIter, tupleItems, hashOf, iterNext, listItems, newList, newSet, richCompare, setItems, type Ref } from '@heaplab/heap';
import { Py, VERSIONS } from './testing/harness.js';

function objClass(py: Py): Ref {
  return py.cls('Obj', {
    __repr__: (_h, self) => py.str(`Obj(${py.strOf(py.get(self, 'name'))})`),
  });
}

function mk(py: Py, Obj: Ref, name: string): Ref {
  const o = py.call(Obj);
  py.set(o, 'name', py.str(name));
  return o;
}

function names(py: Py, s: Ref): string[] {
  return py
    .list(s)
    .map((o) => {
      const n = py.strOf(py.get(o, 'name'));
      py.decref(o);
      return n;
    })
    .sort();
}

describe.each(VERSIONS)('WeakSet (%s)', (version) => {
  const is27 = version === '2.7';

  it('drops members as they die (seed_11_weakset)', () => {
    const py = new Py(version);
    const OBJ = py.cls('OBJ');
    const o = py.call(OBJ);
    const ws = py.call(py.w('WeakSet'));
    py.do(ws, 'add', o);
    expect(py.len(ws)).toBe(1); // WeakSet len: 1
    py.decref(o);
    expect(py.len(ws)).toBe(0); // WeakSet len: 0
  });

  it('API: add/discard/remove/pop/clear/copy (wr_weakset_api)', () => {
    const py = new Py(version);
    const Obj = objClass(py);
    const [a, b, c] = ['a', 'b', 'c'].map((n) => mk(py, Obj, n)) as [Ref, Ref, Ref];
    const l = py.heap;
    const init = listOf(py, [a, b]);
    const ws = py.call(py.w('WeakSet'), init);
    expect(py.len(ws)).toBe(2); // len: 2
    expect(py.heap.typeOf(ws).slots.contains!(l, ws, a)).toBe(true); // a in ws: True
    expect(py.heap.typeOf(ws).slots.contains!(l, ws, c)).toBe(false); // c in ws: False
    py.do(ws, 'add', c);
    py.do(ws, 'add', c);
    expect(py.len(ws)).toBe(3); // after adding c twice: 3
    py.do(ws, 'discard', b);
    py.do(ws, 'discard', b);
    expect(py.len(ws)).toBe(2); // after discarding b twice: 2
    const e = py.raises(() => py.m(ws, 'remove', b));
    // remove missing: KeyError <weakref at 0xADDR; to 'Obj' at 0xADDR>
    expect(e.type).toBe('KeyError');
    const excArgs = (py.heap.payload[e.exc] as { args: Ref }).args;
    expect(py.repr(tupleItems(py.heap, excArgs)[0]!)).toMatch(/^<weakref at 0x[0-9a-f]+; to 'Obj' at/);
    expect(names(py, ws)).toEqual(['a', 'c']); // members: ['a', 'c']
    const cp = py.m(ws, 'copy');
    expect([py.heap.typeOf(cp).name, py.len(cp)]).toEqual(['WeakSet', 2]); // copy is a WeakSet: WeakSet, len 2
    const popped = py.m(ws, 'pop');
    expect([a, c]).toContain(popped); // pop returned a member: True
    expect(py.len(ws)).toBe(1); // len now 1
    py.do(ws, 'clear');
    expect(py.len(ws)).toBe(0); // after clear: 0
    const pe = py.raises(() => py.m(ws, 'pop'));
    expect([pe.type, pe.message]).toEqual(['KeyError', "'pop from empty WeakSet'"]); // pop from empty: str(KeyError) is the repr of its argument
    // add int: TypeError: cannot create weak reference to 'int' object
    expect(py.raises(() => py.m(ws, 'add', py.int(1))).message).toBe("cannot create weak reference to 'int' object");
    expect(py.heap.typeOf(ws).slots.contains!(l, ws, py.int(1))).toBe(false); // int in ws: False
  });

  it('members vanish on death and after a collection (wr_weakset_death)', () => {
    const py = new Py(version);
    py.gc.disable();
    py.collect();
    const Obj = objClass(py);
    const objs = [0, 1, 2, 3, 4].map((i) => mk(py, Obj, `o${i}`));
    const ws = weakSetOf(py, objs);
    expect(py.len(ws)).toBe(5); // len: 5
    py.decref(objs[1]!);
    expect(py.len(ws)).toBe(4); // after dropping o1: 4
    py.decref(objs[0]!, objs[2]!);
    expect(py.len(ws)).toBe(2); // after dropping o0 and o2: 2
    expect(names(py, ws)).toEqual(['o3', 'o4']);
    const cyc = mk(py, Obj, 'cyc');
    py.set(cyc, 'me', cyc);
    py.do(ws, 'add', cyc);
    py.decref(cyc);
    expect(py.len(ws)).toBe(3); // cycle member still counted: 3
    py.collect();
    expect(py.len(ws)).toBe(2); // after collect: 2
  });

  it('members dying during iteration are skipped; len settles afterwards (wr_weakset_iter_death)', () => {
    const py = new Py(version);
    const Obj = objClass(py);
    const items = Array.from({ length: 10 }, (_, i) => mk(py, Obj, `i${i}`));
    const ws = weakSetOf(py, items);
    const it = getIter(py.heap, ws);
    let seen = 0;
    for (;;) {
      const o = iterNext(py.heap, it);
      if (o === 0) break;
      seen++;
      if (seen === 1) py.decref(...items.splice(0));
      py.decref(o);
      if (seen > 20) break;
    }
    py.decref(it);
    expect(seen >= 1 && seen <= 10).toBe(true); // iterated at least one, at most ten: True
    expect(py.len(ws)).toBe(0); // len after the loop: 0
    expect(py.list(ws)).toEqual([]); // list(ws) after the loop: []
  });

  it('len during iteration counts pending removals; add still works (test_weak_destroy_and_mutate_while_iterating)', () => {
    const py = new Py(version);
    const Obj = objClass(py);
    const items = [0, 1, 2].map((i) => mk(py, Obj, String(i)));
    const s = weakSetOf(py, items);
    const it = getIter(py.heap, s);
    const first = iterNext(py.heap, it);
    py.decref(first);
    py.decref(...items.splice(0));
    // CPython 2.7.18 and 3.12.1: len during iteration 1, 2 pending removals
    expect(py.len(s)).toBe(1);
    expect(listItems(py.heap, py.get(s, '_pending_removals')).length).toBe(2);
    const x = mk(py, Obj, 'x');
    py.do(s, 'add', x); // add during iteration ok
    py.decref(x);
    py.decref(it);
    expect(py.len(s)).toBe(0); // len after 0
  });

  it('set operations (wr_weakset_setops)', () => {
    const py = new Py(version);
    const Obj = objClass(py);
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((n) => mk(py, Obj, n)) as [Ref, Ref, Ref, Ref];
    const WS = py.w('WeakSet');
    const s1 = py.call(WS, listOf(py, [a, b, c]));
    const s2 = py.call(WS, listOf(py, [b, c, d]));
    expect(names(py, py.m(s1, '__or__', s2))).toEqual(['a', 'b', 'c', 'd']); // union
    expect(names(py, py.m(s1, '__and__', s2))).toEqual(['b', 'c']); // intersection
    expect(names(py, py.m(s1, '__sub__', s2))).toEqual(['a']); // difference
    expect(names(py, py.m(s1, '__xor__', s2))).toEqual(['a', 'd']); // symmetric
    expect(names(py, py.m(s1, 'union', listOf(py, [d])))).toEqual(['a', 'b', 'c', 'd']); // union() with a list
    expect(py.heap.typeOf(py.m(s1, '__or__', s2)).name).toBe('WeakSet'); // result type: WeakSet
    const small = py.call(WS, listOf(py, [a]));
    expect(richCompare(py.heap, small, s1, CompareOp.LE)).toBe(py.heap.True); // subset: True True
    expect(richCompare(py.heap, small, s1, CompareOp.LT)).toBe(py.heap.True);
    expect(richCompare(py.heap, s1, small, CompareOp.GE)).toBe(py.heap.True); // superset: True
    expect(py.m(s1, 'isdisjoint', py.call(WS, listOf(py, [d])))).toBe(py.heap.True); // isdisjoint: True
    expect(richCompare(py.heap, s1, py.call(WS, listOf(py, [c, b, a])), CompareOp.EQ)).toBe(py.heap.True); // equal to same members
    const s3 = py.call(WS, listOf(py, [a]));
    py.decref(py.m(s3, '__ior__', s2));
    expect(names(py, s3)).toEqual(['a', 'b', 'c', 'd']); // |= : ['a', 'b', 'c', 'd']
    py.decref(py.m(s3, '__iand__', s1));
    expect(names(py, s3)).toEqual(['a', 'b', 'c']); // &= : ['a', 'b', 'c']
    py.decref(py.m(s3, '__isub__', py.call(WS, listOf(py, [b]))));
    expect(names(py, s3)).toEqual(['a', 'c']); // -= : ['a', 'c']
    py.do(s3, 'update', listOf(py, [a, d]));
    expect(names(py, s3)).toEqual(['a', 'c', 'd']); // update: ['a', 'c', 'd']
  });

  it('a WeakSet compares unequal to a set (wr_weakset_setops: equal to a set: False)', () => {
    const py = new Py(version);
    const Obj = objClass(py);
    const a = mk(py, Obj, 'a');
    const s = py.call(py.w('WeakSet'), listOf(py, [a]));
    expect(richCompare(py.heap, s, newSet(py.heap, [a]), CompareOp.EQ)).toBe(py.heap.False);
  });

  it('in-place operations with itself (test_inplace_on_self)', () => {
    const py = new Py(version);
    const Obj = objClass(py);
    const [b, c] = ['b', 'c'].map((n) => mk(py, Obj, n)) as [Ref, Ref];
    const WS = py.w('WeakSet');
    const run = (op: string, members: Ref[]): number => {
      const s = py.call(WS, listOf(py, members));
      py.decref(py.m(s, op, s));
      return py.len(s);
    };
    // CPython: isub self 0, ixor self 0, ior self 1, iand self 2
    expect(run('__isub__', [b, c])).toBe(0);
    expect(run('__ixor__', [b, c])).toBe(0);
    expect(run('__ior__', [b])).toBe(1);
    expect(run('__iand__', [b, c])).toBe(2);
  });

  it('&= leaves plain callback-less refs in data, so a dead member stays counted', () => {
    const py = new Py(version);
    const Obj = objClass(py);
    const [a, b, c] = ['a', 'b', 'c'].map((n) => mk(py, Obj, n)) as [Ref, Ref, Ref];
    const ws = weakSetOf(py, [a, b, c]);
    const ab = listOf(py, [a, b]);
    py.decref(py.m(ws, '__iand__', ab));
    py.decref(ab);
    expect(names(py, ws)).toEqual(['a', 'b']); // CPython: after &= 2 ['a', 'b']
    for (const r of setItems(py.heap, py.get(ws, 'data'))) expect((py.heap.payload[r] as { callback: Ref }).callback).toBe(0);
    py.decref(a);
    expect(py.len(ws)).toBe(2); // CPython 2.7.18 and 3.12.1: after del a 2
    void c;
  });

  it('len cycles: one member may be kept alive by a live iterator (test_len_cycles)', () => {
    const py = new Py(version);
    py.gc.disable();
    const RefCycle = py.cls('RefCycle');
    const items = Array.from({ length: 20 }, () => {
      const o = py.call(RefCycle);
      py.set(o, 'cycle', o);
      return o;
    });
    const s = weakSetOf(py, items);
    py.decref(...items);
    const it = getIter(py.heap, s);
    const first = iterNext(py.heap, it);
    py.decref(first);
    py.collect();
    const n1 = py.len(s);
    py.decref(it);
    py.collect();
    py.collect();
    const n2 = py.len(s);
    expect([0, 1]).toContain(n1);
    expect(n2).toBe(0);
  });

  it('repr: 2.7 object repr, 3.12 repr of the data set', () => {
    const py = new Py(version);
    const ws = py.call(py.w('WeakSet'));
    // CPython 2.7.18: <_weakrefset.WeakSet object at 0x...>; 3.12.1: set()
    if (is27) expect(py.repr(ws)).toMatch(/^<_weakrefset\.WeakSet object at 0x[0-9a-f]+>$/);
    else expect(py.repr(ws)).toBe('set()');
    expect(py.raises(() => hashOf(py.heap, ws)).message).toBe("unhashable type: 'WeakSet'"); // test_hash
  });

  it('iter() gives a generator named after the method', () => {
    const py = new Py(version);
    const ws = py.call(py.w('WeakSet'));
    const it = getIter(py.heap, ws);
    // CPython 2.7.18: <generator object __iter__ at 0x...>; 3.12.1: <generator object WeakSet.__iter__ at 0x...>
    expect(py.repr(it)).toMatch(is27 ? /^<generator object __iter__ at 0x/ : /^<generator object WeakSet\.__iter__ at 0x/);
    // the guard is registered only once the generator runs (iter unstarted: 0)
    expect(py.len(py.get(ws, '_iterating'))).toBe(0);
  });

  it('__init__ argument errors', () => {
    const py = new Py(version);
    const e = py.raises(() => py.call(py.w('WeakSet'), listOf(py, []), listOf(py, [])));
    // CPython 2.7.18: __init__() takes at most 2 arguments (3 given)
    // CPython 3.12.1: WeakSet.__init__() takes from 1 to 2 positional arguments but 3 were given
    expect(e.message).toBe(is27 ? '__init__() takes at most 2 arguments (3 given)' : 'WeakSet.__init__() takes from 1 to 2 positional arguments but 3 were given');
    expect(py.raises(() => py.m(py.call(py.w('WeakSet')), 'update', py.int(1))).message).toBe("'int' object is not iterable");
  });

  it('holds the same objects as CPython: data, _remove, _pending_removals, _iterating', () => {
    const py = new Py(version);
    const ws = py.call(py.w('WeakSet'));
    for (const name of ['data', '_remove', '_pending_removals', '_iterating']) expect(() => py.get(ws, name)).not.toThrow();
    expect(py.heap.typeOf(py.get(ws, 'data')).name).toBe('set');
    expect(py.heap.typeOf(py.get(ws, '_pending_removals')).name).toBe('list');
    expect(py.heap.typeOf(py.get(ws, '_iterating')).name).toBe('set');
  });
});


function listOf(py: Py, items: Ref[]): Ref {
  return newList(py.heap, items);
}

/** `WeakSet(items)` without keeping the temporary list alive. */
function weakSetOf(py: Py, items: Ref[]): Ref {
  const l = newList(py.heap, items);
  try {
    return py.call(py.w('WeakSet'), l);
  } finally {
    py.decref(l);
  }
}
