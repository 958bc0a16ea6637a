/**
 * objgraph's label helpers, ported from objgraph's tests.py (StringRepresentationTest and
 * friends) and checked against what CPython's objgraph returns for the same objects.
 */
import { type CodeData, type FrameData, Kind, newDict, type Ref } from '@heaplab/heap';
import { describe, expect, it } from 'vitest';
import { edgeLabel, safeRepr, shortRepr } from './labels.js';
import { longTypename, shortTypename } from './names.js';
import { gradient, nodeId } from './objgraph.js';
import { formatPercentG, pyDictOrder, pySliceTo, quote } from './pyutil.js';
import { ReferrerIndex, scanReferrers } from '@heaplab/gc';
import { bindMethod, newCode, newFunction, Scene } from './testkit.js';

const V = ['2.7', '3.12'] as const;

describe.each(V)('labels (%s)', (version) => {
  it('test_obj_label_long_type_name: module-qualified type names', () => {
    const s = new Scene(version);
    const C = s.cls('MyClass', { module: 'mymodule' });
    const x = s.inst(C);
    expect(longTypename(s.heap, x)).toBe('mymodule.MyClass');
    expect(shortTypename(s.heap, x)).toBe('MyClass');
    expect(safeRepr(s.heap, x)).toMatch(/^<mymodule\.MyClass object at 0x7f[0-9a-f]*$/);
    expect(safeRepr(s.heap, x)).toHaveLength(40);
  });

  it('builtin long type names: __builtin__ (2.7) / builtins (3.12); dotted tp_names', () => {
    const s = new Scene(version);
    expect(longTypename(s.heap, s.list([]))).toBe(version === '2.7' ? '__builtin__.list' : 'builtins.list');
    const e = s.heap.newException(s.heap.t.ValueError, 'x').exc;
    // CPython: ValueError.__module__ is 'exceptions' in 2.7, 'builtins' in 3.12
    expect(longTypename(s.heap, e)).toBe(version === '2.7' ? 'exceptions.ValueError' : 'builtins.ValueError');
  });

  it('test_long_typename_with_no_module: __module__ = None gives the bare name', () => {
    const s = new Scene(version);
    const C = s.cls('MyClass');
    s.setattr(C, '__module__', s.heap.None);
    expect(longTypename(s.heap, s.inst(C))).toBe('MyClass');
  });

  it('test_safe_repr: a raising __repr__ is "(unrepresentable)"', () => {
    const s = new Scene(version);
    const C = s.cls('MyClass', {
      repr: () => {
        throw s.heap.newException(s.heap.t.ZeroDivisionError, 'division by zero');
      },
    });
    expect(safeRepr(s.heap, s.inst(C))).toBe('(unrepresentable)');
  });

  it('short reprs: containers by length, types and modules by name, repr cut at 40 characters', () => {
    const s = new Scene(version);
    expect(shortRepr(s.heap, s.list([s.int(1), s.int(2)]))).toBe('2 items');
    expect(shortRepr(s.heap, s.dict())).toBe('0 items');
    expect(shortRepr(s.heap, s.tuple([s.int(1)]))).toBe('1 items');
    expect(shortRepr(s.heap, s.heap.t.list)).toBe('list');
    expect(shortRepr(s.heap, s.main)).toBe('__main__');
    expect(shortRepr(s.heap, s.str('x'.repeat(60)))).toBe(`'${'x'.repeat(39)}`);
    expect(shortRepr(s.heap, s.heap.None)).toBe('None');
  });

  it('test_short_repr_lambda / test_short_repr_function', () => {
    const s = new Scene(version);
    const lam = newFunction(s.heap, s.globals, '<lambda>', '/some/dir/tests.py', 42);
    expect(shortRepr(s.heap, lam)).toBe('lambda: tests.py:42');
    const f = newFunction(s.heap, s.globals, 'sample_func');
    expect(shortRepr(s.heap, f)).toMatch(/^<function sample_func at 0x7f/);
  });

  it('test_short_repr_frame: file:line', () => {
    const s = new Scene(version);
    const frame = mkFrame(s, 'tests.py', 17);
    expect(shortRepr(s.heap, frame)).toBe('tests.py:17');
  });

  it('bound methods: name, plus " (bound)" when __self__ is truthy', () => {
    const s = new Scene(version);
    const C = s.cls('MyClass');
    const f = newFunction(s.heap, s.globals, 'a_method');
    const m = bindMethod(s.heap, f, s.inst(C), C);
    expect(shortRepr(s.heap, m)).toBe('a_method (bound)');
    // `if obj.__self__:` — an empty list is falsy
    expect(shortRepr(s.heap, bindMethod(s.heap, f, s.list([])))).toBe('a_method');
    if (version === '2.7') expect(shortRepr(s.heap, bindMethod(s.heap, f, 0, C))).toBe('a_method'); // test_short_repr_unbound_method
  });

  it('test_edge_label_frame_globals', () => {
    const s = new Scene(version);
    const frame = mkFrame(s, 'tests.py', 3);
    expect(edgeLabel(s.heap, frame, s.globals, true)).toBe(' [label="f_globals",weight=10]');
  });

  it('test_edge_label_bound_method (and unbound in 2.7): __func__ and __self__', () => {
    const s = new Scene(version);
    const C = s.cls('MyClass');
    const f = newFunction(s.heap, s.globals, 'a_method');
    const self = s.inst(C);
    const m = bindMethod(s.heap, f, self, C);
    expect(edgeLabel(s.heap, m, f, true)).toBe(' [label="__func__",weight=10]');
    expect(edgeLabel(s.heap, m, self, true)).toBe(' [label="__self__",weight=10]');
  });

  it('function attributes: the first dir() name whose value is the target', () => {
    const s = new Scene(version);
    const f = newFunction(s.heap, s.globals, 'f');
    const fd = s.heap.payload[f] as { code: Ref; name: Ref; module: Ref; dict: Ref; annotations: Ref };
    expect(edgeLabel(s.heap, f, fd.code, true)).toBe(' [label="__code__",weight=10]');
    expect(edgeLabel(s.heap, f, s.globals, true)).toBe(' [label="__globals__",weight=10]');
    expect(edgeLabel(s.heap, f, fd.name, true)).toBe(' [label="__name__",weight=10]');
    expect(edgeLabel(s.heap, f, fd.module, true)).toBe(' [label="__module__",weight=10]');
    // func_doc is None and there is no closure: CPython's dir() order finds __closure__ (None) first.
    expect(edgeLabel(s.heap, f, s.heap.None, true)).toBe(' [label="__closure__",weight=10]');
    // dir(f) created the function's __dict__; 3.12's __annotations__ read created that dict too.
    expect(fd.dict).not.toBe(0);
    expect(fd.annotations !== 0).toBe(version === '3.12');
    expect(edgeLabel(s.heap, f, fd.dict, true)).toBe(' [label="__dict__",weight=10]');
  });

  it('test_edge_label_long_type_names: dict keys that are objects', () => {
    const s = new Scene(version);
    const C = s.cls('MyClass', { module: 'mymodule' });
    const x = s.inst(C);
    const one = s.int(1);
    const d = s.dict([[x, one]]);
    expect(edgeLabel(s.heap, d, one, false)).toMatch(/^ \[label="mymodule\.MyClass\\n<mymodule\.MyClass object at 0x7f[0-9a-f]+"\]$/);
  });

  it('dict keys: identifiers (a trailing newline still matches objgraph\'s regex), other strings, None', () => {
    const s = new Scene(version);
    const v = s.list([]);
    const label = (k: Ref) => edgeLabel(s.heap, s.dict([[k, v]]), v, true);
    expect(label(s.str('name'))).toBe(' [label="name",weight=2]');
    expect(label(s.str('abc\n'))).toBe(' [label="abc\\n",weight=2]');
    expect(label(s.str('a b'))).toBe(` [label="str\\n'a b'"]`);
    expect(label(s.heap.None)).toBe(' [label="NoneType\\nNone"]');
  });

  it('instance dict edges: 2.7 __dict__; 3.12 reading __dict__ materializes it', () => {
    const s = new Scene(version);
    const C = s.cls('Box');
    const b = s.inst(C);
    const d = s.dict();
    s.setattr(b, 'd', d);
    const p = s.heap.payload[b] as Ref[];
    if (version === '2.7') expect(edgeLabel(s.heap, b, p[0]!, true)).toBe(' [label="__dict__",weight=10]');
    else {
      expect(p[0]).toBe(0);
      // objgraph's getattr(source, '__dict__') for a dict target: the instance gets a real dict.
      expect(edgeLabel(s.heap, b, d, true)).toBe('');
      expect(p[0]).not.toBe(0);
    }
  });
});

describe('objgraph helpers', () => {
  it('test_gradient_empty and the colours objgraph prints', () => {
    expect(gradient([0.1, 0.2, 0.3], [0.2, 0.3, 0.4], 0, 0)).toEqual([0.1, 0.2, 0.3]);
    expect(formatPercentG(gradient([0, 0, 1], [0, 0, 0.3], 1, 3)[2])).toBe('0.766667');
    expect(formatPercentG(gradient([0, 0, 1], [0, 0, 0.3], 1, 4)[2])).toBe('0.825');
    expect(formatPercentG(gradient([0, 0, 1], [0, 0, 0.3], 15, 15)[2])).toBe('0.3');
  });

  it('%g: 6 significant digits, half-even on the exact binary value, exponents', () => {
    // CPython: '%g' % x
    const cases: [number, string][] = [
      [0, '0'],
      [1, '1'],
      [0.5, '0.5'],
      [0.5078125, '0.507812'],
      [0.1234565, '0.123456'],
      [2.5e-7, '2.5e-07'],
      [123456789, '1.23457e+08'],
      [0.00001234, '1.234e-05'],
      [1e-5, '1e-05'],
      [999999.5, '1e+06'],
      [-2.5, '-2.5'],
    ];
    for (const [x, want] of cases) expect(formatPercentG(x)).toBe(want);
  });

  it('_quote: backslash, quote, newline, NUL', () => {
    expect(quote('a\\b"c\nd\0e')).toBe('a\\\\b\\"c\\nd\\\\0e');
  });

  it('seq[:limit] with negative limits', () => {
    expect(pySliceTo([1, 2, 3, 4], 2)).toEqual([1, 2]);
    expect(pySliceTo([1, 2, 3, 4], -1)).toEqual([1, 2, 3]);
    expect(pySliceTo([1, 2], -5)).toEqual([]);
  });

  it.each(V)('dict order of str keys matches the heap\'s dict (%s)', (version) => {
    const s = new Scene(version);
    const names = ['tuple', 'function', 'dict', 'list', 'weakref', 'Leaf', 'Node', 'type', 'cell', 'method', 'module', 'builtin_function_or_method', 'set'];
    const d = newDict(s.heap);
    for (const n of names) s.heap; // (the heap's own dict, filled in the same order)
    for (const n of names) {
      const k = s.str(n);
      const v = s.int(1);
      const e = s.dict([[k, v]]);
      s.heap.decref(e);
      const { dictSetItem } = requireHeap();
      dictSetItem(s.heap, d, k, v);
    }
    const heapOrder: string[] = [];
    const store = (s.heap.payload[d] as { store: { next(p: number): number; keyAt(p: number): Ref } }).store;
    for (let p = store.next(0); p >= 0; p = store.next(p + 1)) heapOrder.push(s.heap.payload[store.keyAt(p)] as string);
    expect(pyDictOrder(s.heap, names)).toEqual(heapOrder);
    if (version === '3.12') expect(heapOrder).toEqual(names);
  });

  it.each(V)('the reverse index lists what gc.get_referrers lists, in the same order (%s)', (version) => {
    const s = new Scene(version);
    const C = s.cls('C');
    const S = s.cls('S');
    s.setattr(S, '__slots__', s.tuple([]));
    const objs: Ref[] = [];
    for (let i = 0; i < 40; i++) {
      const o = s.inst(C);
      const l = s.list([o, o, s.int(i)]);
      s.setattr(o, 'self', o);
      s.setattr(o, 'l', l);
      const d = s.dict([[s.str(`k${i}`), l], [o, s.tuple([l, o])]]);
      s.setGlobal(`g${i}`, d);
      objs.push(o, l, d);
    }
    const index = new ReferrerIndex(s.heap);
    for (const x of [...objs, s.globals, s.main, C, s.heap.None]) {
      expect(index.referrersOf(x)).toEqual(scanReferrers(s.heap, new Set([x])));
    }
    expect(nodeId(s.heap, s.main)).toMatch(/^o\d{15}$/);
  });
});

import * as heapApi from '@heaplab/heap';
function requireHeap() {
  return heapApi;
}

function mkFrame(s: Scene, filename: string, lineno: number): Ref {
  const heap = s.heap;
  const code = newCode(heap, 'f', filename, 1);
  heap.incref(s.globals);
  const fd: FrameData = { back: 0, code, globals: s.globals, builtins: 0, locals: 0, func: 0, fast: [], stack: [], lineno };
  const frame = heap.alloc(heap.t.frame, Kind.FRAME, fd);
  heap.track(frame);
  void (heap.payload[code] as CodeData);
  return frame;
}
