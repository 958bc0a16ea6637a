/**
 * WeakMethod and finalize (3.12 only), transcribed from test_weakref.py (WeakMethodTestCase,
 * FinalizeTestCase) and conformance/scenarios/wr_weakmethod.py, wr_finalize_*.py.
 */
import { describe, expect, it } from 'vitest';
import { CompareOp, dictGetStr, hashOf, isTrue, newBoundMethod, newBuiltinFunction, reprOf, richCompare, setAttr, tupleItems, type Ref } from '@heaplab/heap';
import { runFinalizersAtExit } from './finalize.js';
import { Py } from './testing/harness.js';

function setup(): { py: Py; C: Ref; some: Ref; other: Ref; o: Ref; bound: (f: Ref) => Ref } {
  const py = new Py('3.12');
  py.gc.disable();
  const C = py.cls('Object');
  const some = py.fn('some_method', () => py.int(4));
  const other = py.fn('other_method', () => py.int(5));
  const o = py.call(C);
  return { py, C, some, other, o, bound: (f) => newBoundMethod(py.heap, f, o) };
}

describe('WeakMethod (3.12)', () => {
  it('alive while object and function live (wr_weakmethod, test_alive)', () => {
    const { py, some, other, o, bound } = setup();
    const m = bound(some);
    const r = py.call(py.w('WeakMethod'), m);
    py.decref(m);
    expect(py.heap.typeOf(r).name).toBe('WeakMethod');
    expect(isInstanceOfRef(py, r)).toBe(true); // isinstance ref: True
    const got = py.call(r);
    const again = bound(some);
    expect(richCompare(py.heap, got, again, CompareOp.EQ)).toBe(py.heap.True); // deref gives a bound method: True
    expect(py.num(py.call(got))).toBe(4); // call: 4
    py.decref(got, again);
    const m2 = bound(some);
    const r2 = py.call(py.w('WeakMethod'), m2);
    expect(richCompare(py.heap, r2, r, CompareOp.EQ)).toBe(py.heap.True); // equal WeakMethods: True
    const m3 = bound(other);
    const r3 = py.call(py.w('WeakMethod'), m3);
    expect(richCompare(py.heap, r3, r, CompareOp.NE)).toBe(py.heap.True); // different methods differ: True
    expect(hashOf(py.heap, r2)).toBe(hashOf(py.heap, r)); // test_hashing
    py.decref(m2, m3, o);
  });

  it('dies with the object, calling the callback once with itself (wr_weakmethod, test_callback_when_object_dead)', () => {
    const { py, some, o, bound } = setup();
    const calls: Ref[] = [];
    const m = bound(some);
    const r = py.call(py.w('WeakMethod'), m);
    const r2 = py.call(py.w('WeakMethod'), m, py.fn('append', (args) => void calls.push(args[0]!)));
    py.decref(m);
    py.decref(o);
    expect(py.call(r)).toBe(py.heap.None); // dead: True
    expect(calls).toEqual([r2]); // callback called with the WeakMethod: True
    py.decref(some); // the function dies later: no second call
    expect(calls.length).toBe(1);
  });

  it('dies with the function (test_method_dead, test_callback_when_method_dead)', () => {
    const { py, some, o, bound } = setup();
    const calls: Ref[] = [];
    const m = bound(some);
    const r = py.call(py.w('WeakMethod'), m, py.fn('append', (args) => void calls.push(args[0]!)));
    py.decref(m);
    py.decref(some);
    expect(py.call(r)).toBe(py.heap.None);
    expect(calls).toEqual([r]);
    py.decref(o);
    expect(calls.length).toBe(1);
  });

  it('makes no reference cycle: freed by refcounting (test_no_cycles)', () => {
    const { py, some, bound } = setup();
    const m = bound(some);
    const r = py.call(py.w('WeakMethod'), m);
    py.decref(m);
    const wr = py.call(py.w('ref'), r);
    py.decref(r);
    expect(py.call(wr)).toBe(py.heap.None);
  });

  it('rejects things that are not bound methods (wr_weakmethod)', () => {
    const py = new Py('3.12');
    const f = py.fn('len', () => py.int(0));
    // CPython 3.12.1: argument should be a bound method, not <class 'builtin_function_or_method'>
    expect(py.raises(() => py.call(py.w('WeakMethod'), f)).message).toBe("argument should be a bound method, not <class 'builtin_function_or_method'>");
  });
});

function isInstanceOfRef(py: Py, r: Ref): boolean {
  const mro = tupleItems(py.heap, py.heap.typeOf(r).mro);
  return mro.includes(py.heap.t.weakref);
}

describe('finalize (3.12)', () => {
  it('alive, peek, call once, detach, death (wr_finalize_basic, test_finalize)', () => {
    const py = new Py('3.12');
    const A = py.cls('A');
    const res: number[] = [];
    const add = py.fn('add', (args) => {
      const v = args.reduce((s, r) => s + py.num(r), 0);
      res.push(v);
      return py.int(v);
    });
    const a = py.call(A);
    const f = py.callKw(py.w('finalize'), [a, add, py.int(67), py.int(43)], { z: py.int(89) });
    expect(py.get(f, 'alive')).toBe(py.heap.True); // alive: True
    const peek = py.m(f, 'peek');
    const [obj, func, args, kw] = tupleItems(py.heap, peek) as [Ref, Ref, Ref, Ref];
    expect([obj, func]).toEqual([a, add]); // peek matches: True
    expect(tupleItems(py.heap, args).map((r) => py.num(r))).toEqual([67, 43]);
    expect(py.len(kw)).toBe(1);
    py.decref(peek);
    expect(py.num(py.call(f))).toBe(199); // call: 199
    expect(py.call(f)).toBe(py.heap.None); // again: None
    expect(py.m(f, 'peek')).toBe(py.heap.None); // peek after call: None
    expect(py.m(f, 'detach')).toBe(py.heap.None); // detach: None
    expect(py.get(f, 'alive')).toBe(py.heap.False); // alive: False
    const f2 = py.call(py.w('finalize'), a, add, py.int(67), py.int(43), py.int(89));
    const d = py.m(f2, 'detach');
    expect(tupleItems(py.heap, d)[0]).toBe(a); // detach returns the registration: True
    expect(py.call(f2)).toBe(py.heap.None); // call after detach: None
    py.decref(d);
    const f3 = py.callKw(py.w('finalize'), [a, add], { x: py.int(67), y: py.int(43), z: py.int(89) });
    py.decref(a);
    expect(py.get(f3, 'alive')).toBe(py.heap.False); // after death: alive False
    expect(py.call(f3)).toBe(py.heap.None); // call None
    expect(res).toEqual([199, 199]); // results: [199, 199]
  });

  it('argument errors (wr_finalize_args, test_arg_errors)', () => {
    const py = new Py('3.12');
    const A = py.cls('A');
    const a = py.call(A);
    const fin = py.fn('fin', () => undefined);
    const fn = py.w('finalize');
    // func= keyword: TypeError: finalize.__init__() missing 1 required positional argument: 'func'
    expect(py.raises(() => py.callKw(fn, [a], { func: fin, arg: py.int(1) })).message).toBe(
      "finalize.__init__() missing 1 required positional argument: 'func'",
    );
    // obj= and func= keywords: missing 2 required positional arguments: 'obj' and 'func'
    expect(py.raises(() => py.callKw(fn, [], { obj: a, func: fin, arg: py.int(1) })).message).toBe(
      "finalize.__init__() missing 2 required positional arguments: 'obj' and 'func'",
    );
    expect(py.raises(() => py.call(fn, a)).message).toBe("finalize.__init__() missing 1 required positional argument: 'func'");
    expect(py.raises(() => py.call(fn)).message).toBe("finalize.__init__() missing 2 required positional arguments: 'obj' and 'func'");
    expect(py.raises(() => py.call(fn, py.int(1), fin)).message).toBe("cannot create weak reference to 'int' object");
  });

  it('keyword arguments named func and obj reach the callback (wr_finalize_args)', () => {
    const py = new Py('3.12');
    const A = py.cls('A');
    const a = py.call(A);
    let seen: string[] = [];
    const fin = newCollector(py, (names) => {
      seen = names;
    });
    const f = py.callKw(py.w('finalize'), [a, fin, py.int(1), py.int(2)], { func: py.int(3), obj: py.int(4) });
    py.decref(py.call(f));
    // callback got: [((1, 2), [('func', 3), ('obj', 4)])]
    expect(seen).toEqual(['1', '2', 'func=3', 'obj=4']);
  });

  it('finalizers of one object run newest first; called/detached ones do not (wr_finalize_order, test_order)', () => {
    const py = new Py('3.12');
    const A = py.cls('A');
    const a = py.call(A);
    const res: string[] = [];
    const append = py.fn('append', (args) => void res.push(py.strOf(args[0]!)));
    const fs = ['f1', 'f2', 'f3', 'f4', 'f5'].map((n) => py.call(py.w('finalize'), a, append, py.str(n)));
    const [f1, f2, f3, f4, f5] = fs as [Ref, Ref, Ref, Ref, Ref];
    py.decref(f1, f4);
    expect([f2, f3, f5].map((f) => py.get(f, 'alive'))).toEqual([py.heap.True, py.heap.True, py.heap.True]); // alive: True True True
    const det = py.m(f5, 'detach');
    expect(isTrue(py.heap, det)).toBe(true); // detach f5 truthy: True
    expect(py.get(f5, 'alive')).toBe(py.heap.False); // alive: False
    py.decref(det);
    py.decref(py.call(f5));
    res.push('A');
    py.decref(py.call(f3));
    res.push('B');
    py.decref(py.call(f3));
    res.push('C');
    py.decref(a);
    res.push('D');
    py.decref(py.call(f2));
    // order: ['A', 'f3', 'B', 'C', 'f4', 'f2', 'f1', 'D']
    expect(res).toEqual(['A', 'f3', 'B', 'C', 'f4', 'f2', 'f1', 'D']);
  });

  it('an object in a garbage cycle: the finalizer runs during the collection (wr_finalize_gc)', () => {
    const py = new Py('3.12');
    py.gc.disable();
    py.collect();
    const Node = py.cls('Node');
    const log: string[] = [];
    const onCollect = py.fn('on_collect', (args) => void log.push(`finalizer for ${py.strOf(args[0]!)} ran`));
    const n = py.call(Node);
    py.set(n, 'me', n);
    const f = py.call(py.w('finalize'), n, onCollect, py.str('n'));
    py.decref(n);
    expect(py.get(f, 'alive')).toBe(py.heap.True); // alive before collect: True
    expect(py.collect()).toBe(2); // finalizer for n ran; collect: 2
    expect(log).toEqual(['finalizer for n ran']);
    expect(py.get(f, 'alive')).toBe(py.heap.False); // alive after collect: False
  });

  it('atexit: live finalizers with atexit=True run at exit, newest first (wr_finalize_atexit, test_atexit)', () => {
    const py = new Py('3.12');
    const Keep = py.cls('Keep');
    const keep = py.call(Keep);
    const out: string[] = [];
    const print = py.fn('print', (args) => void out.push(py.strOf(args[0]!)));
    const f1 = py.call(py.w('finalize'), keep, print, py.str('f1 at exit'));
    const f2 = py.call(py.w('finalize'), keep, print, py.str('f2 (atexit disabled)'));
    const f3 = py.call(py.w('finalize'), keep, print, py.str('f3 at exit'));
    expect([f1, f2, f3].map((f) => py.get(f, 'atexit'))).toEqual([py.heap.True, py.heap.True, py.heap.True]); // defaults: True True True
    py.set(f2, 'atexit', py.heap.False);
    const other = py.call(Keep);
    const g = py.call(py.w('finalize'), other, print, py.str('g ran at death'));
    py.decref(other);
    out.push('end of script');
    runFinalizersAtExit(py.heap);
    expect(out).toEqual(['g ran at death', 'end of script', 'f3 at exit', 'f1 at exit']);
    void g;
  });

  it('repr alive and dead', () => {
    const py = new Py('3.12');
    const A = py.cls('A');
    const a = py.call(A);
    const f = py.call(py.w('finalize'), a, py.fn('nop', () => undefined));
    expect(py.repr(f)).toMatch(/^<finalize object at 0x[0-9a-f]+; for 'A' at 0x[0-9a-f]+>$/);
    py.decref(a);
    expect(py.repr(f)).toMatch(/^<finalize object at 0x[0-9a-f]+; dead>$/);
  });
});

/** A builtin that records its positional args and `name=value` keywords. */
function newCollector(py: Py, done: (items: string[]) => void): Ref {
  return newBuiltinFunction(py.heap, 'fin', (h, _s, args, kwnames) => {
    const nkw = kwnames?.length ?? 0;
    const pos = args.slice(0, args.length - nkw).map((r) => String(py.num(r)));
    const kws = (kwnames ?? []).map((n, i) => `${n}=${py.num(args[args.length - nkw + i]!)}`).sort();
    done([...pos, ...kws]);
    return h.newRef(h.None);
  });
}

describe('weakref types (3.12)', () => {
  it("live in module 'weakref': repr and __module__ follow tp_name (wr_ref_callback_attr)", () => {
    const py = new Py('3.12');
    const h = py.heap;
    expect(reprOf(h, h.t.weakref)).toBe("<class 'weakref.ReferenceType'>");
    expect(reprOf(h, h.t.weakproxy)).toBe("<class 'weakref.ProxyType'>");
    expect(reprOf(h, h.t.weakcallableproxy)).toBe("<class 'weakref.CallableProxyType'>");
    expect(h.typeData(h.t.weakref).module).toBe('weakref');
    const py27 = new Py('2.7');
    expect(reprOf(py27.heap, py27.heap.t.weakref)).toBe("<type 'weakref'>");
  });
});

describe('finalize properties (3.12)', () => {
  it('alive has no setter or deleter; atexit has a setter and no deleter; both carry their docstrings', () => {
    const py = new Py('3.12');
    const A = py.cls('A');
    const a = py.call(A);
    const f = py.call(py.w('finalize'), a, py.fn('cb', () => undefined));
    const assign = (name: string, v: Ref) => py.raises(() => setAttr(py.heap, f, name, v));
    // CPython's property set_name'd messages need the interpreter's property type; the heap's
    // own property descriptor (this harness) reports the property without its name.
    expect(assign('alive', py.heap.False).type).toBe('AttributeError');
    expect(assign('atexit', 0).type).toBe('AttributeError');
    py.set(f, 'atexit', py.heap.False);
    expect(py.get(f, 'atexit')).toBe(py.heap.False);
    const alive = dictGetStr(py.heap, py.heap.typeData(py.w('finalize')).dict, 'alive');
    const [fget, fset, fdel, doc] = py.heap.payload[alive] as Ref[];
    expect(fget).not.toBe(0);
    expect([fset, fdel]).toEqual([0, 0]); // NULL, as property_init stores a missing setter
    expect(py.strOf(doc!)).toBe('Whether finalizer is alive');
  });
});
