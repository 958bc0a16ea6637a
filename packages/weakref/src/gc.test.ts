/**
 * The weakref module and the cycle collector: object counts (`gc.get_objects()` deltas,
 * `gc.collect()` return values) must match CPython's, since the containers hold the same objects.
 * Scenarios: conformance/scenarios/wr_callback_in_cycle.py, wr_gc_callbacks_order.py,
 * wr_saveall_callback.py, wr_callback_exception.py, and containers in cycles (CPython numbers
 * measured on 2.7.18 / 3.12.1 with the same code).
 */
import { describe, expect, it } from 'vitest';
import { newBoundMethod, type Ref } from '@heaplab/heap';
import { Py, VERSIONS } from './testing/harness.js';

function tracked(py: Py): number {
  return py.gc.getObjects().length;
}

describe.each(VERSIONS)('collector interplay (%s)', (version) => {
  const is27 = version === '2.7';

  it('an empty container owns as many tracked objects as CPython\'s', () => {
    const py = new Py(version);
    py.gc.disable();
    const counts: Record<string, number> = {};
    for (const name of ['WeakSet', 'WeakValueDictionary', 'WeakKeyDictionary']) {
      py.collect();
      const n0 = tracked(py);
      const x = py.call(py.w(name));
      counts[name] = tracked(py) - n0;
      void x;
    }
    // CPython 2.7.18: WeakSet 8, WVD 7, WKD 7 (UserDict instances are classic: instance + __dict__)
    // CPython 3.12.1: WeakSet 7, WVD 6, WKD 6
    expect(counts).toEqual(is27 ? { WeakSet: 8, WeakValueDictionary: 7, WeakKeyDictionary: 7 } : { WeakSet: 7, WeakValueDictionary: 6, WeakKeyDictionary: 6 });
  });

  it('adding an entry creates the same objects (ws.add 1, wvd set 2, wkd set 2)', () => {
    const py = new Py(version);
    py.gc.disable();
    const C = py.cls('C');
    const o = py.call(C);
    const ws = py.call(py.w('WeakSet'));
    const wv = py.call(py.w('WeakValueDictionary'));
    const wk = py.call(py.w('WeakKeyDictionary'));
    const delta = (fn: () => void): number => {
      py.collect();
      const n0 = tracked(py);
      fn();
      return tracked(py) - n0;
    };
    expect(delta(() => py.do(ws, 'add', o))).toBe(1); // the callback weakref
    expect(delta(() => py.do(wv, '__setitem__', py.str('k'), o))).toBe(2); // KeyedRef + data dict now tracked
    expect(delta(() => py.do(wk, '__setitem__', o, py.int(1)))).toBe(2); // key weakref + data dict now tracked
  });

  it('containers in garbage cycles are collected with everything they own', () => {
    const py = new Py(version);
    py.gc.disable();
    py.collect();
    const C = py.cls('C');
    const cycleOf = (name: string): number => {
      const x = py.call(py.w(name));
      py.set(x, 'me', x);
      py.decref(x);
      return py.collect();
    };
    // CPython 2.7.18: 8 7 7; 3.12.1: 7 6 6
    expect(cycleOf('WeakSet')).toBe(is27 ? 8 : 7);
    expect(cycleOf('WeakValueDictionary')).toBe(is27 ? 7 : 6);
    expect(cycleOf('WeakKeyDictionary')).toBe(is27 ? 7 : 6);
    // d = WeakValueDictionary(); x = C(); x.d = d; d[1] = x -> freed by refcounting: collect 0
    {
      const d = py.call(py.w('WeakValueDictionary'));
      const x = py.call(C);
      py.set(x, 'd', d);
      py.do(d, '__setitem__', py.int(1), x);
      py.decref(d, x);
      expect(py.collect()).toBe(0);
    }
    // d = WeakKeyDictionary(); x = C(); x.d = d; d[x] = x -> collect 11 (2.7) / 9 (3.12)
    {
      const d = py.call(py.w('WeakKeyDictionary'));
      const x = py.call(C);
      py.set(x, 'd', d);
      py.do(d, '__setitem__', x, x);
      py.decref(d, x);
      expect(py.collect()).toBe(is27 ? 11 : 9);
    }
  });

  it('a weakref inside the garbage never runs its callback (wr_callback_in_cycle, spec 4.7)', () => {
    const py = new Py(version);
    py.gc.disable();
    py.collect();
    let called = 0;
    const cb = py.fn('cb', () => void called++);
    const C = py.cls('C');
    {
      const a = py.call(C);
      py.set(a, 'me', a);
      const w = py.call(py.w('ref'), a, cb);
      py.set(a, 'w', w);
      py.decref(w, a);
    }
    expect(py.collect()).toBe(is27 ? 3 : 2); // self-loop holding its own callback ref: 3 | 2
    expect(called).toBe(0); // callback calls: 0
    {
      const onDeath = py.fn('on_death', () => void called++);
      const target = py.call(C);
      const holder = py.call(C);
      py.set(holder, 'target', target);
      py.set(target, 'holder', holder);
      const bm = newBoundMethod(py.heap, onDeath, holder, C);
      const wr = py.call(py.w('ref'), target, bm);
      py.set(holder, 'wr', wr);
      // onDeath stays alive, as a method's function lives on in its class
      py.decref(wr, bm, target, holder);
    }
    // weakref and its bound-method callback in the garbage: 6 | 4
    expect(py.collect()).toBe(is27 ? 6 : 4);
    const keep = py.call(C);
    {
      const a = py.call(C);
      py.set(a, 'me', a);
      const w = py.call(py.w('ref'), a, cb);
      py.set(keep, 'wr', w);
      py.decref(w, a);
    }
    expect(py.collect()).toBe(is27 ? 2 : 1); // self-loop with an outside callback ref: 2 | 1
    expect(called).toBe(1); // callback calls: 1
  });

  it('callbacks on a collected self-cycle fire newest first and see the referent gone (wr_gc_callbacks_order, spec 54)', () => {
    const py = new Py(version);
    py.gc.disable();
    py.collect();
    const log: string[] = [];
    const mk = (name: string): Ref => py.fn(name, (args) => void log.push(`${name}, referent gone: ${py.call(args[0]!) === py.heap.None ? 'True' : 'False'}`));
    const C = py.cls('C');
    const a = py.call(C);
    py.set(a, 'me', a);
    const w1 = py.call(py.w('ref'), a, mk('cb1'));
    const w2 = py.call(py.w('ref'), a, mk('cb2'));
    py.decref(a);
    expect(py.collect()).toBe(is27 ? 2 : 1); // collect: 2 | 1
    expect(log).toEqual(['cb2, referent gone: True', 'cb1, referent gone: True']);
    void w1;
    void w2;
  });

  it('with DEBUG_SAVEALL the callback still runs and the object is kept (wr_saveall_callback, spec 60)', () => {
    const py = new Py(version);
    py.gc.disable();
    py.collect();
    const log: boolean[] = [];
    const cb = py.fn('cb', (args) => void log.push(py.call(args[0]!) === py.heap.None));
    const C = py.cls('C');
    const a = py.call(C);
    py.set(a, 'me', a);
    const w = py.call(py.w('ref'), a, cb);
    py.decref(a);
    py.gc.setDebug(py.heap.profile.debugFlags.DEBUG_SAVEALL);
    const n = py.collect();
    py.gc.setDebug(0);
    expect(log).toEqual([true]); // callback, ref() is None: True
    expect(n).toBe(is27 ? 2 : 1); // collect: 2 | 1
    const kinds = py.gc.garbageItems().map((r) => py.heap.typeOf(r).name).sort();
    expect(kinds).toEqual(is27 ? ['C', 'dict'] : ['C']); // garbage: ['C', 'dict'] | ['C']
    expect(py.call(w)).toBe(py.heap.None); // weakref now: True
  });

  it('a raising callback is reported and ignored; the collection still counts (wr_callback_exception, spec 56)', () => {
    const py = new Py(version);
    py.gc.disable();
    py.collect();
    const cb7 = py.fn('cb7', () => {
      throw py.heap.newException(py.heap.t.RuntimeError, 'boom in cb');
    });
    const C = py.cls('C');
    const a = py.call(C);
    const w = py.call(py.w('ref'), a, cb7);
    py.decref(a);
    expect(py.stderr).toEqual(['unraisable RuntimeError: boom in cb']);
    const b = py.call(C);
    py.set(b, 'me', b);
    const w2 = py.call(py.w('ref'), b, cb7);
    py.decref(b);
    expect(py.collect()).toBe(is27 ? 2 : 1); // collect: 2 | 1
    expect(py.stderr.length).toBe(2);
    void w;
    void w2;
  });

  it('get_referents of a container: its attribute values (and, in 3.12, its class)', () => {
    const py = new Py(version);
    const ws = py.call(py.w('WeakSet'));
    const names = py.gc.getReferents([ws]).map((r) => py.heap.typeOf(r).name).sort();
    // CPython 2.7.18: ['dict', 'type']; 3.12.1: ['function', 'list', 'set', 'set', 'type'] (our _remove is a builtin)
    expect(names).toEqual(is27 ? ['dict', 'type'] : ['builtin_function_or_method', 'list', 'set', 'set', 'type']);
  });
});
