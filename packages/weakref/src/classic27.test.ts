/**
 * 2.7 with a classic-class runtime (as the interpreter provides): WeakValueDictionary and
 * WeakKeyDictionary are classic classes, as CPython 2.7's UserDict subclasses are. Expectations
 * are CPython 2.7.18's (conformance/scenarios/wr_wvd_*.py, wr_wkd_*.py and measured counts).
 */
import { describe, expect, it } from 'vitest';
import { dictSetItem, hashOf, iterNext, newDict, newList, type Ref } from '@heaplab/heap';
import { Py } from './testing/harness.js';

function classic(): Py {
  return new Py('2.7', { classic: true });
}

describe('2.7 classic WeakValueDictionary / WeakKeyDictionary', () => {
  it('the classes are classic and their instances are of type instance (wr_wvd_api, wr_wkd_api: "copy: instance 3")', () => {
    const py = classic();
    const C = py.cls('C');
    const [a, b, c] = [py.call(C), py.call(C), py.call(C)];
    const wvd = py.call(py.w('WeakValueDictionary'));
    expect(py.heap.typeOf(py.w('WeakValueDictionary')).name).toBe('classobj');
    expect(py.heap.typeOf(wvd).name).toBe('instance');
    for (const [i, o] of [a, b, c].entries()) py.do(wvd, '__setitem__', py.int(i), o);
    const cp = py.m(wvd, 'copy');
    expect([py.heap.typeOf(cp).name, py.len(cp)]).toEqual(['instance', 3]); // copy: instance 3
    const wkd = py.call(py.w('WeakKeyDictionary'));
    for (const [i, o] of [a, b, c].entries()) py.do(wkd, '__setitem__', o, py.int(i));
    const cp2 = py.m(wkd, 'copy');
    expect([py.heap.typeOf(cp2).name, py.len(cp2)]).toEqual(['instance', 3]); // copy: instance 3
    // CPython 2.7.18: hash(WeakValueDictionary()) -> TypeError: 'NoneType' object is not callable
    expect(py.raises(() => hashOf(py.heap, wvd)).message).toBe("'NoneType' object is not callable");
    expect(py.repr(wvd)).toBe(`<WeakValueDictionary at ${py.heap.addressOf(wvd)}>`);
  });

  it('the API works through the classic instance (wr_wvd_api, wr_wkd_api)', () => {
    const py = classic();
    const C = py.cls('C');
    const a = py.call(C);
    const d = py.call(py.w('WeakValueDictionary'));
    py.do(d, '__setitem__', py.int(1), a);
    expect(py.m(d, '__getitem__', py.int(1))).toBe(a);
    expect(py.raises(() => py.m(d, '__getitem__', py.int(42))).message).toBe('42'); // missing key: KeyError 42
    expect(py.heap.typeOf(d).slots.contains!(py.heap, d, py.int(1))).toBe(true);
    const src = newDict(py.heap);
    dictSetItem(py.heap, src, py.int(4), a);
    py.do(d, 'update', src);
    expect(py.len(d)).toBe(2);
    const k = py.call(py.w('WeakKeyDictionary'));
    py.do(k, '__setitem__', a, py.int(1));
    expect(py.num(py.m(k, '__getitem__', a))).toBe(1);
    expect(py.raises(() => py.m(k, '__setitem__', py.int(1), py.int(1))).message).toBe("cannot create weak reference to 'int' object");
    const fk = py.m(py.w('WeakValueDictionary'), 'fromkeys', newListOf(py, []));
    expect(py.heap.typeOf(fk).name).toBe('instance');
  });

  it('object counts match CPython 2.7.18 (instance + __dict__ per container)', () => {
    const py = classic();
    py.gc.disable();
    const C = py.cls('C');
    const created = (name: string): number => {
      py.collect();
      const n0 = py.gc.getObjects().length;
      py.call(py.w(name));
      return py.gc.getObjects().length - n0;
    };
    expect(created('WeakValueDictionary')).toBe(7); // CPython 2.7.18: WVD 7
    expect(created('WeakKeyDictionary')).toBe(7); // WKD 7
    const cycle = (name: string): number => {
      const x = py.call(py.w(name));
      py.set(x, 'me', x);
      py.decref(x);
      return py.collect();
    };
    expect(cycle('WeakValueDictionary')).toBe(7); // wvd cycle collect 7
    expect(cycle('WeakKeyDictionary')).toBe(7); // wkd cycle collect 7
    const d = py.call(py.w('WeakKeyDictionary'));
    const x = py.call(C);
    py.set(x, 'd', d);
    py.do(d, '__setitem__', x, x);
    py.decref(d, x);
    expect(py.collect()).toBe(11); // wkd key cycle collect 11
    // gc.get_referents(WeakValueDictionary()) -> [classobj, dict]
    const w = py.call(py.w('WeakValueDictionary'));
    expect(py.gc.getReferents([w]).map((r) => py.heap.typeOf(r).name)).toEqual(['classobj', 'dict']);
  });

  it('deaths by refcount and by collection (wr_wvd_death, wr_wvd_selfcycle_gc, wr_wkd_death)', () => {
    const py = classic();
    py.gc.disable();
    py.collect();
    const C = py.cls('C');
    const wvd = py.call(py.w('WeakValueDictionary'));
    const v = py.call(C);
    py.set(v, 'me', v);
    py.do(wvd, '__setitem__', py.int(1), v);
    py.decref(v);
    expect(py.collect()).toBe(3); // collect: 3
    expect(py.len(wvd)).toBe(0);
    const wkd = py.call(py.w('WeakKeyDictionary'));
    const k = py.call(C);
    py.set(k, 'me', k);
    py.do(wkd, '__setitem__', k, py.int(1));
    py.decref(k);
    expect(py.collect()).toBe(3); // collect: 3
    expect(py.len(wkd)).toBe(0);
  });

  it('iteration with deaths: UserDict.__len__ counts pending entries (wvd len during 5 4)', () => {
    const py = classic();
    const V = py.cls('V');
    const vs = [0, 1, 2, 3, 4].map(() => py.call(V));
    const d = py.call(py.w('WeakValueDictionary'));
    vs.forEach((v, i) => {
      py.do(d, '__setitem__', py.int(i), v);
    });
    const gen = py.m(d, 'iteritems');
    const first = iterNext(py.heap, gen);
    py.decref(first);
    py.decref(...vs.splice(0));
    expect(py.len(d)).toBe(5);
    py.decref(gen);
    expect(py.len(d)).toBe(0);
  });
});

function newListOf(py: Py, items: Ref[]): Ref {
  return newList(py.heap, items);
}

describe('2.7 WeakValueDictionary(*args, **kw) signatures', () => {
  it('self= and other= are ordinary keys for __init__ and update (CPython 2.7.18: [\'other\', \'self\'])', () => {
    const py = classic();
    const C = py.cls('C');
    const [a, b] = [py.call(C), py.call(C)];
    const d = py.callKw(py.w('WeakValueDictionary'), [], { self: a });
    expect(py.texts(py.list(py.m(d, 'keys')))).toEqual(['self']);
    const update = py.get(d, 'update');
    py.decref(py.callKw(update, [], { self: b, other: a }));
    const keys = py.texts(py.list(py.m(d, 'keys'))).sort();
    expect(keys).toEqual(['other', 'self']);
    expect(py.m(d, '__getitem__', py.str('self'))).toBe(b);
  });
});
