/**
 * ref and proxy behaviour, transcribed from test_weakref.py and the conformance scenarios
 * (conformance/scenarios/wr_*.py); every expectation names the CPython result it reproduces.
 */
import { describe, expect, it } from 'vitest';
import { CompareOp, hashOf, iterNext, listItems, newList, newSet, richCompare, type Ref } from '@heaplab/heap';
import { Py, VERSIONS } from './testing/harness.js';

describe.each(VERSIONS)('ref and proxy (%s)', (version) => {
  const is27 = version === '2.7';

  it('basic ref: deref, repr alive and dead, type name (wr_basic_ref)', () => {
    const py = new Py(version);
    const C = py.cls('C');
    const o = py.call(C);
    const r = py.call(py.w('ref'), o);
    // CPython: alive repr: <weakref at 0xADDR; to 'C' at 0xADDR>
    expect(py.repr(r)).toMatch(/^<weakref at 0x[0-9a-f]+; to 'C' at 0x[0-9a-f]+>$/);
    const deref = py.call(r);
    expect(deref).toBe(o); // deref is object: True
    py.decref(deref);
    // type name: weakref (2.7) / ReferenceType (3.12); isinstance ReferenceType: True
    expect(py.heap.typeOf(r).name).toBe(is27 ? 'weakref' : 'ReferenceType');
    expect(py.heap.typ[r]).toBe(py.w('ReferenceType'));
    py.decref(o);
    const dead = py.call(r);
    expect(dead).toBe(py.heap.None); // dead: True
    expect(py.repr(r)).toMatch(/^<weakref at 0x[0-9a-f]+; dead>$/); // dead repr
  });

  it('repr names the referent when it has a __name__', () => {
    const py = new Py(version);
    const C = py.cls('C');
    const r = py.call(py.w('ref'), C);
    // CPython 2.7.18 / 3.12.1: <weakref at 0x...; to 'type' at 0x... (C)>
    expect(py.repr(r)).toMatch(/; to 'type' at 0x[0-9a-f]+ \(C\)>$/);
  });

  it('callback runs at death with the dead ref (seed_09, wr_callback_receives_ref)', () => {
    const py = new Py(version);
    const C = py.cls('C');
    const seen: Ref[] = [];
    const cb = py.fn('on_death', (args) => {
      seen.push(args[0]!);
      const v = py.call(args[0]!);
      expect(v).toBe(py.heap.None); // callback, referent gone: True
      py.decref(v);
    });
    const o = py.call(C);
    const w = py.call(py.w('ref'), o, cb);
    expect(py.num(py.call(py.w('getweakrefcount'), o))).toBe(1); // weakref count: 1
    py.decref(o);
    expect(seen).toEqual([w]); // callback got the same ref: True
    // deleting the ref first: the callback never runs (callbacks after deleting the ref first: 1)
    const o2 = py.call(C);
    const r2 = py.call(py.w('ref'), o2, cb);
    py.decref(r2, o2);
    expect(seen.length).toBe(1);
  });

  it('callbacks run newest first (wr_callback_order, test_multiple_callbacks)', () => {
    const py = new Py(version);
    const C = py.cls('C');
    const log: string[] = [];
    const mk = (name: string): Ref =>
      py.fn(name, (args) => {
        const v = py.call(args[0]!);
        log.push(`${name} (ref dead: ${v === py.heap.None ? 'True' : 'False'})`);
        py.decref(v);
      });
    const o = py.call(C);
    const refs = [py.call(py.w('ref'), o, mk('cb1')), py.call(py.w('ref'), o, mk('cb2')), py.call(py.w('ref'), o, mk('cb3')), py.call(py.w('ref'), o)];
    expect(py.num(py.call(py.w('getweakrefcount'), o))).toBe(4); // count: 4
    py.decref(o);
    expect(log).toEqual(['cb3 (ref dead: True)', 'cb2 (ref dead: True)', 'cb1 (ref dead: True)']);
    void refs;
  });

  it('inside a callback every weakref to the object is dead (wr_callback_resurrect_attempt)', () => {
    const py = new Py(version);
    const C = py.cls('C');
    const o = py.call(C);
    const other = py.call(py.w('ref'), o);
    const seen: (boolean | number)[] = [];
    const cb = py.fn('cb', (args) => {
      const a = py.call(args[0]!);
      const b = py.call(other);
      seen.push(a === py.heap.None, b === py.heap.None, py.num(py.call(py.w('getweakrefcount'), args[0]!)));
      py.decref(a, b);
    });
    const r = py.call(py.w('ref'), o, cb);
    py.decref(o);
    // in callback: ref dead True, other ref dead True, weakrefs to the ref 0
    expect(seen).toEqual([true, true, 0]);
    void r;
  });

  it('callback-less refs and proxies are shared (wr_ref_reuse, test_ref_reuse)', () => {
    const py = new Py(version);
    const C = py.cls('C');
    const o = py.call(C);
    const ref = py.w('ref');
    const r1 = py.call(ref, o);
    const r2 = py.call(ref, o);
    expect(r1).toBe(r2); // plain refs shared: True
    const cb = py.fn('cb', () => undefined);
    const r3 = py.call(ref, o, cb);
    const r4 = py.call(ref, o, cb);
    expect(r3).not.toBe(r4); // callback refs shared: False
    expect(py.call(ref, o)).toBe(r1); // plain ref still shared: True
    expect(py.call(ref, o, py.heap.None)).toBe(r1); // ref with None callback is the plain one: True
    expect(py.num(py.call(py.w('getweakrefcount'), o))).toBe(3); // getweakrefcount: 3
    const p1 = py.call(py.w('proxy'), o);
    const p2 = py.call(py.w('proxy'), o);
    expect(p1).toBe(p2); // plain proxies shared: True
    expect(py.num(py.call(py.w('getweakrefcount'), o))).toBe(4); // getweakrefcount with proxy: 4
  });

  it('getweakrefcount / getweakrefs (wr_getweakrefs)', () => {
    const py = new Py(version);
    const C = py.cls('C');
    const cb = py.fn('cb', () => undefined);
    const o = py.call(C);
    const count = (x: Ref): number => py.num(py.call(py.w('getweakrefcount'), x));
    expect(count(o)).toBe(0); // none yet: 0 []
    expect(listItems(py.heap, py.call(py.w('getweakrefs'), o))).toEqual([]);
    const r1 = py.call(py.w('ref'), o, cb);
    const r2 = py.call(py.w('ref'), o, cb);
    expect(count(o)).toBe(2); // two callback refs: 2
    const refs = listItems(py.heap, py.call(py.w('getweakrefs'), o));
    expect(new Set(refs)).toEqual(new Set([r1, r2])); // getweakrefs has both: True
    py.decref(r1);
    py.collect();
    const refsNow = listItems(py.heap, py.call(py.w('getweakrefs'), o));
    expect(refsNow.length).toBeGreaterThanOrEqual(1);
    const one = py.int(1);
    expect(count(one)).toBe(0); // int: 0 []
    expect(listItems(py.heap, py.call(py.w('getweakrefs'), one))).toEqual([]);
    void r2;
  });

  it('getweakrefcount argument errors', () => {
    const py = new Py(version);
    const e = py.raises(() => py.call(py.w('getweakrefcount')));
    // CPython 2.7.18: getweakrefcount() takes exactly one argument (0 given); 3.12.1 prefixes _weakref.
    expect(e.message).toBe(`${is27 ? '' : '_weakref.'}getweakrefcount() takes exactly one argument (0 given)`);
  });

  it('constructor argument errors', () => {
    const py = new Py(version);
    const C = py.cls('C');
    const o = py.call(C);
    // CPython: __new__ expected at least 1 argument(s), got 0
    expect(py.raises(() => py.call(py.w('ref'))).message).toBe(`__new__ expected at least 1 ${is27 ? 'arguments' : 'argument'}, got 0`);
    expect(py.raises(() => py.call(py.w('ref'), o, py.heap.None, py.int(3))).message).toBe('__new__ expected at most 2 arguments, got 3');
    expect(py.raises(() => py.callKw(py.w('ref'), [o], { callback: py.heap.None })).message).toBe(
      is27 ? 'ref() does not take keyword arguments' : 'ref() takes no keyword arguments',
    );
    expect(py.raises(() => py.call(py.w('proxy'))).message).toBe(`proxy expected at least 1 ${is27 ? 'arguments' : 'argument'}, got 0`);
    const r = py.call(py.w('ref'), o);
    expect(py.raises(() => py.call(r, py.int(1))).message).toBe(is27 ? '__call__() takes at most 0 arguments (1 given)' : 'weakref expected 0 arguments, got 1');
  });

  it('cannot create weak references to some objects (wr_cannot_create)', () => {
    const py = new Py(version);
    const msg = (r: Ref): string => py.raises(() => py.call(py.w('ref'), r)).message;
    expect(msg(py.int(1))).toBe("cannot create weak reference to 'int' object");
    expect(msg(py.str('text'))).toBe("cannot create weak reference to 'str' object");
    expect(msg(newList(py.heap, []))).toBe("cannot create weak reference to 'list' object");
    expect(msg(py.heap.None)).toBe("cannot create weak reference to 'NoneType' object");
    const Slotted = py.cls('Slotted', {}, { slots: ['a'] });
    expect(msg(py.call(Slotted))).toBe("cannot create weak reference to 'Slotted' object");
    const SlottedWeak = py.cls('SlottedWeak', {}, { slots: ['a', '__weakref__'] });
    const sw = py.call(SlottedWeak);
    const r = py.call(py.w('ref'), sw);
    py.decref(sw);
    expect(py.call(r)).toBe(py.heap.None); // SlottedWeak: True (the instance died at once)
    const st = newSet(py.heap);
    const rs = py.call(py.w('ref'), st);
    py.decref(st);
    expect(py.call(rs)).toBe(py.heap.None); // set: ok
    // 2.7 names exception types by tp_name: 'exceptions.ValueError'
    const exc = py.call(py.heap.t.ValueError);
    expect(msg(exc)).toBe(`cannot create weak reference to '${is27 ? 'exceptions.ValueError' : 'ValueError'}' object`);
    // A weakref cannot be weakly referenced (CPython: 'weakref' / 'weakref.ReferenceType').
    const C = py.cls('C');
    const o = py.call(C);
    expect(msg(py.call(py.w('ref'), o))).toBe(`cannot create weak reference to '${is27 ? 'weakref' : 'weakref.ReferenceType'}' object`);
  });

  it('equality and hashing (wr_equality_hash, test_equality, test_hashing)', () => {
    const py = new Py(version);
    const V = py.cls('V', {
      __eq__: (h, self, args) => {
        const other = args[0]!;
        if (h.typ[other] !== h.typ[self]) return h.newRef(h.False);
        const a = py.get(self, 'v');
        const b = py.get(other, 'v');
        const eq = py.num(a) === py.num(b);
        h.decref(a);
        h.decref(b);
        return h.newRef(eq ? h.True : h.False);
      },
      __hash__: (_h, self) => py.get(self, 'v'),
    });
    const mk = (v: number): Ref => {
      const o = py.call(V);
      py.set(o, 'v', py.int(v));
      return o;
    };
    const a = mk(1);
    const b = mk(1);
    const c = mk(2);
    const ref = py.w('ref');
    const [ra, rb, rc] = [py.call(ref, a), py.call(ref, b), py.call(ref, c)];
    const eq = (x: Ref, y: Ref): Ref => richCompare(py.heap, x, y, CompareOp.EQ);
    expect(eq(ra, rb)).toBe(py.heap.True); // ra == rb (equal referents): True
    expect(eq(ra, rc)).toBe(py.heap.False); // ra == rc: False
    expect(hashOf(py.heap, ra)).toBe(hashOf(py.heap, a)); // hash(ra) == hash(a): True
    const h = hashOf(py.heap, rb);
    py.decref(a, b);
    expect(eq(ra, rb)).toBe(py.heap.False); // dead ra == rb: False
    expect(eq(ra, ra)).toBe(py.heap.True); // dead ra == ra: True
    expect(hashOf(py.heap, rb)).toBe(h); // hash of dead ref that was hashed before: True
    // hash(ra) was computed above while alive: ok
    expect(() => hashOf(py.heap, ra)).not.toThrow();
    // A dead ref never hashed: TypeError: weak object has gone away
    const d = mk(3);
    const rd = py.call(ref, d);
    py.decref(d);
    expect(py.raises(() => hashOf(py.heap, rd)).message).toBe('weak object has gone away');
  });

  it('ref == proxy: False in 2.7, by referent in 3.12', () => {
    const py = new Py(version);
    const C = py.cls('C');
    const o = py.call(C);
    const r = py.call(py.w('ref'), o);
    const p = py.call(py.w('proxy'), o);
    // CPython 2.7.18: ref==proxy -> False; 3.12.1 -> True
    expect(richCompare(py.heap, r, p, CompareOp.EQ)).toBe(is27 ? py.heap.False : py.heap.True);
    // proxy(o) == o: 2.7 False, 3.12 True
    expect(richCompare(py.heap, p, o, CompareOp.EQ)).toBe(is27 ? py.heap.False : py.heap.True);
  });

  it('__callback__ (3.12 only)', () => {
    const py = new Py(version);
    const C = py.cls('C');
    const o = py.call(C);
    const cb = py.fn('cb', () => undefined);
    const r = py.call(py.w('ref'), o, cb);
    if (is27) {
      // CPython 2.7.18: AttributeError: 'weakref' object has no attribute '__callback__'
      expect(py.raises(() => py.get(r, '__callback__')).message).toBe("'weakref' object has no attribute '__callback__'");
    } else {
      expect(py.get(r, '__callback__')).toBe(cb); // test_callback_attribute
      expect(py.get(py.call(py.w('ref'), o), '__callback__')).toBe(py.heap.None);
      py.decref(o);
      expect(py.get(r, '__callback__')).toBe(py.heap.None); // test_callback_attribute_after_deletion
    }
  });

  it('proxy forwards attributes and raises ReferenceError when dead (seed_10, wr_proxy_basic)', () => {
    const py = new Py(version);
    const C = py.cls('C', {
      double: (h, self) => {
        const x = py.get(self, 'x');
        const v = py.num(x);
        h.decref(x);
        return py.int(v * 2);
      },
    });
    const o = py.call(C);
    py.set(o, 'x', py.int(1));
    const p = py.call(py.w('proxy'), o);
    expect(py.num(py.get(p, 'x'))).toBe(1); // read: 1
    py.set(p, 'x', py.int(21));
    expect(py.num(py.get(o, 'x'))).toBe(21); // write went through: 21
    expect(py.num(py.m(p, 'double'))).toBe(42); // method: 42
    py.set(p, 'y', py.str('new'));
    expect(py.strOf(py.get(o, 'y'))).toBe('new'); // new attribute on object: new
    py.set(p, 'y', 0);
    const deleted = py.raises(() => py.get(o, 'y'));
    expect(deleted.type).toBe('AttributeError'); // deleted: False
    // 3.12's AttributeError holds the object it was raised for (e.obj): let it go.
    py.decref(deleted.exc);
    expect(py.heap.typeOf(p).name).toBe(is27 ? 'weakproxy' : 'ProxyType'); // type
    py.decref(o);
    for (const action of [() => py.get(p, 'x'), () => py.set(p, 'x', py.int(2)), () => py.m(p, 'double')]) {
      const e = py.raises(action);
      expect([e.type, e.message]).toEqual(['ReferenceError', 'weakly-referenced object no longer exists']);
    }
  });

  it('proxies carry number slots that unwrap both operands (wr_proxy_ops: pn + 10 -> 15)', () => {
    const py = new Py(version);
    const C = py.cls('N', {
      __add__: (h, self, args) => py.int(py.num(py.get(self, 'v')) + py.num(args[0]!)),
      __radd__: (h, self, args) => py.int(py.num(args[0]!) * 100 + py.num(py.get(self, 'v'))),
      __neg__: (h, self) => py.int(-py.num(py.get(self, 'v'))),
    });
    const o = py.call(C);
    py.set(o, 'v', py.int(5));
    const p = py.call(py.w('proxy'), o);
    const slots = py.heap.typeOf(p).slots;
    // Both proxy types share one tp_as_number, as CPython's proxy_as_number.
    expect(py.heap.typeData(py.w('CallableProxyType')).slots.nb?.Add).toBe(slots.nb?.Add);
    const ten = py.int(10);
    expect(py.num(slots.nb!.Add!(py.heap, p, ten))).toBe(15); // pn + 10: 15
    expect(py.num(slots.nb!.Add!(py.heap, ten, p))).toBe(1005); // 10 + pn: N.__radd__(n, 10)
    expect(py.num(slots.nbUnary!.Neg!(py.heap, p))).toBe(-5); // -pn: -5
    expect(py.num(py.call(py.get(py.heap.typ[p]!, '__add__'), p, ten))).toBe(15); // type(pn).__add__(pn, 10)
    expect(Object.keys(slots.nb!).includes('Div')).toBe(is27); // nb_divide only in 2.7
    expect(Object.keys(slots.nb!).includes('MatMult')).toBe(!is27); // nb_matrix_multiply only in 3.x
    py.decref(o);
    const e = py.raises(() => slots.nb!.Add!(py.heap, ten, p));
    expect([e.type, e.message]).toEqual(['ReferenceError', 'weakly-referenced object no longer exists']);
  });

  it('callable proxies (wr_proxy_callable, test_callable_proxy)', () => {
    const py = new Py(version);
    const Callable = py.cls('Callable', {
      __call__: (_h, self, args) => {
        py.set(self, 'bar', args[0]!);
        return py.str(`called with ${py.repr(args[0]!)}`);
      },
    });
    const o = py.call(Callable);
    const p = py.call(py.w('proxy'), o);
    expect(py.heap.typ[p]).toBe(py.w('CallableProxyType')); // type is CallableProxyType: True
    expect(py.heap.typeOf(p).name).toBe(is27 ? 'weakcallableproxy' : 'CallableProxyType');
    expect(py.strOf(py.call(p, py.str('twinkies')))).toBe("called with 'twinkies'");
    expect(py.strOf(py.get(o, 'bar'))).toBe('twinkies'); // state changed
    expect(py.heap.typ[py.call(py.w('proxy'), Callable)]).toBe(py.w('CallableProxyType')); // proxy to a class
    const Plain = py.cls('Plain');
    const keep = py.call(Plain);
    const q = py.call(py.w('proxy'), keep);
    expect(py.heap.typ[q]).toBe(py.w('ProxyType'));
    expect(py.raises(() => py.call(q)).type).toBe('TypeError'); // calling a non-callable proxy
    const gone = py.call(Callable);
    const dead = py.call(py.w('proxy'), gone);
    py.decref(gone);
    expect(py.raises(() => py.call(dead, py.int(1))).message).toBe('weakly-referenced object no longer exists');
  });

  it('proxies are unhashable (wr_proxy_hash)', () => {
    const py = new Py(version);
    const C = py.cls('C');
    const o = py.call(C);
    const p = py.call(py.w('proxy'), o);
    // CPython: unhashable type: 'weakproxy' (2.7) / 'weakref.ProxyType' (3.12)
    expect(py.raises(() => hashOf(py.heap, p)).message).toBe(is27 ? "unhashable type: 'weakproxy'" : "unhashable type: 'weakref.ProxyType'");
    const fp = py.call(py.w('proxy'), C);
    expect(py.raises(() => hashOf(py.heap, fp)).message).toBe(
      is27 ? "unhashable type: 'weakcallableproxy'" : "unhashable type: 'weakref.CallableProxyType'",
    );
    expect(() => hashOf(py.heap, o)).not.toThrow(); // hash of referent works
  });

  it('proxy repr and str (wr_proxy_repr)', () => {
    const py = new Py(version);
    const C = py.cls('C', { __repr__: () => py.str('C()') });
    const o = py.call(C);
    const p = py.call(py.w('proxy'), o);
    // CPython 2.7.18 and 3.12.1: <weakproxy at 0xADDR to C at 0xADDR>
    expect(py.repr(p)).toMatch(/^<weakproxy at 0x[0-9a-f]+ to C at 0x[0-9a-f]+>$/);
    expect(py.strOf(p)).toBe('C()'); // str: C()
    py.decref(o);
    // dead proxy repr: <weakproxy at 0xADDR to NoneType at 0xADDR>
    expect(py.repr(p)).toMatch(/^<weakproxy at 0x[0-9a-f]+ to NoneType at 0x[0-9a-f]+>$/);
    expect(py.raises(() => py.strOf(p)).type).toBe('ReferenceError'); // dead proxy str
  });

  it('proxy operations: len, bool, iter, contains, items, arithmetic (wr_proxy_ops)', () => {
    const py = new Py(version);
    const L = py.cls('L', {}, { bases: [py.heap.t.list] });
    const lst = py.call(L);
    for (const v of [3, 1, 2]) py.heap.payload[lst] = [...(py.heap.payload[lst] as Ref[]), py.int(v)];
    const p = py.call(py.w('proxy'), lst);
    expect(py.len(p)).toBe(3); // len: 3
    expect(py.truthy(p)).toBe(true); // bool: True
    expect(py.list(p).map((r) => py.num(r))).toEqual([3, 1, 2]); // iter: [3, 1, 2]
    const slots = py.heap.typeOf(p).slots;
    expect(slots.contains!(py.heap, p, py.int(2))).toBe(true); // contains 2: True
    expect(py.num(slots.getitem!(py.heap, p, py.int(0)))).toBe(3); // index [0]: 3
    slots.setitem!(py.heap, p, py.int(0), py.int(9));
    expect((py.heap.payload[lst] as Ref[]).map((r) => py.num(r))).toEqual([9, 1, 2]); // setitem reached list
    const N = py.cls('N', {
      __add__: (_h, self, args) => {
        const v = py.get(self, 'v');
        const r = py.int(py.num(v) + py.num(args[0]!));
        py.decref(v);
        return r;
      },
      __str__: (_h, self) => py.str(`N(${py.num(py.get(self, 'v'))})`),
    });
    const n = py.call(N);
    py.set(n, 'v', py.int(5));
    const pn = py.call(py.w('proxy'), n);
    expect(py.num(py.m(pn, '__add__', py.int(10)))).toBe(15); // add: 15
    expect(py.strOf(pn)).toBe('N(5)'); // str: N(5)
    const empty = py.call(L);
    expect(py.truthy(py.call(py.w('proxy'), empty))).toBe(false); // bool of empty list proxy: False
    // dead proxy bool: ReferenceError (CPython 2.7.18 and 3.12.1)
    py.decref(empty);
    const gone = py.call(L);
    const pe = py.call(py.w('proxy'), gone);
    py.decref(gone);
    expect(py.raises(() => py.truthy(pe)).type).toBe('ReferenceError');
  });

  it('proxy next() on a non-iterator', () => {
    const py = new Py(version);
    const C = py.cls('C');
    const o = py.call(C);
    const p = py.call(py.w('proxy'), o);
    // CPython 2.7.18: 'C' object is not iterable; 3.12.1: Weakref proxy referenced a non-iterator 'C' object
    expect(py.raises(() => iterNext(py.heap, p)).message).toBe(is27 ? "'C' object is not iterable" : "Weakref proxy referenced a non-iterator 'C' object");
  });

  it('a proxy callback receives the dead proxy; refs and proxies share one order (wr_proxy_callback)', () => {
    const py = new Py(version);
    const C = py.cls('C');
    const log: string[] = [];
    const cb = py.fn('cb', (args) => {
      const e = py.raises(() => py.get(args[0]!, 'anything'));
      log.push(e.type === 'ReferenceError' ? 'proxy callback: proxy is dead' : 'proxy usable');
    });
    const rcb = py.fn('rcb', (args) => {
      log.push(`ref callback: ${py.call(args[0]!) === py.heap.None ? 'True' : 'False'}`);
    });
    const o = py.call(C);
    const p = py.call(py.w('proxy'), o, cb);
    const r = py.call(py.w('ref'), o, rcb);
    py.decref(o);
    expect(log).toEqual(['ref callback: True', 'proxy callback: proxy is dead']);
    void p;
    void r;
  });

  it('subclass refs are not shared and come after the basic ref (test_subclass_refs_dont_replace_standard_refs)', () => {
    const py = new Py(version);
    const C = py.cls('Object');
    const MyRef = py.cls('MyRef', {}, { bases: [py.heap.t.weakref] });
    const o = py.call(C);
    const r1 = py.call(MyRef, o);
    const r2 = py.call(py.w('ref'), o);
    expect(r1).not.toBe(r2);
    // CPython: getweakrefs(o) == [r2, r1]; getweakrefcount(o) == 2
    expect(listItems(py.heap, py.call(py.w('getweakrefs'), o))).toEqual([r2, r1]);
    const r3 = py.call(MyRef, o);
    const refs = listItems(py.heap, py.call(py.w('getweakrefs'), o));
    expect(refs.length).toBe(3);
    expect(refs[0]).toBe(r2);
    expect(refs.slice(1)).toContain(r1);
    expect(refs.slice(1)).toContain(r3);
    // test_subclass_refs_dont_conflate_callbacks
    const cb1 = py.fn('id', () => undefined);
    const cb2 = py.fn('str', () => undefined);
    const r4 = py.call(MyRef, o, cb1);
    const r5 = py.call(MyRef, o, cb2);
    expect(r4).not.toBe(r5);
  });

  it('ordering comparisons between refs (test_ordering)', () => {
    const py = new Py(version);
    const C = py.cls('C');
    const o = py.call(C);
    const r = py.call(py.w('ref'), o);
    if (is27) {
      // CPython 2.7.18: ref < ref -> False (default ordering), no error
      expect(richCompare(py.heap, r, r, CompareOp.LT)).toBe(py.heap.False);
    } else {
      // CPython 3.12.1: TypeError: '<' not supported between instances of 'weakref.ReferenceType' and 'weakref.ReferenceType'
      expect(py.raises(() => richCompare(py.heap, r, r, CompareOp.LT)).message).toBe(
        "'<' not supported between instances of 'weakref.ReferenceType' and 'weakref.ReferenceType'",
      );
    }
  });

  it('weak references to classes (test_classes)', () => {
    const py = new Py(version);
    const C = py.cls('C');
    const r = py.call(py.w('ref'), C);
    expect(py.call(r)).toBe(C);
    const pr = py.call(py.w('proxy'), C);
    expect(py.heap.typ[pr]).toBe(py.w('CallableProxyType'));
  });

  it('a ref subclass with its own __call__ and attributes (wr_ref_subclass, test_subclass_refs)', () => {
    const py = new Py(version);
    const C = py.cls('C');
    const MyRef = py.cls(
      'MyRef',
      {
        __call__: (h, self) => {
          py.set(self, 'called', h.True);
          return h.typeData(h.t.weakref).slots.call!(h, self, [], null);
        },
      },
      { bases: [py.heap.t.weakref] },
    );
    const o = py.call(C);
    const mr = py.call(MyRef, o);
    py.set(mr, 'value', py.int(24));
    const got = py.call(mr);
    expect(got).toBe(o); // deref: True
    py.decref(got);
    expect(py.get(mr, 'called')).toBe(py.heap.True); // called flag: True
    expect(py.num(py.get(mr, 'value'))).toBe(24); // value: 24
    const plain = py.call(py.w('ref'), o);
    expect(plain).not.toBe(mr); // plain ref is not the subclass ref: True
    expect(py.num(py.call(py.w('getweakrefcount'), o))).toBe(2); // getweakrefcount: 2
    const log: number[] = [];
    const cb = py.fn('cb', (args) => void log.push(py.num(py.get(args[0]!, 'value'))));
    const mr2 = py.call(MyRef, o, cb);
    py.set(mr2, 'value', py.int(7));
    py.decref(o);
    expect(log).toEqual([7]); // dead: True, callback saw value [7]
  });
});
