/**
 * The Python-visible `objgraph` module, called the way the interpreter calls it (vectorcall
 * arguments, Python callables and file-like objects), against objgraph's behaviour on CPython.
 */
import {
  call,
  dictGetItem,
  getAttr,
  type Heap,
  intValue,
  isInstance,
  Kind,
  newBuiltinFunction,
  newSet,
  PyException,
  type Ref,
  reprOf,
  setLen,
} from '@heaplab/heap';
import { describe, expect, it } from 'vitest';
import { createObjgraphPythonModule } from './pymodule.js';
import { normalize, Scene } from './testkit.js';

class Py {
  readonly mod: Ref;
  constructor(readonly s: Scene) {
    this.mod = createObjgraphPythonModule(s.heap, s.gc, s.io);
  }
  get heap(): Heap {
    return this.s.heap;
  }
  /** objgraph.NAME(*args, **kw) */
  call(name: string, args: Ref[] = [], kw: Record<string, Ref> = {}): Ref {
    const f = getAttr(this.heap, this.mod, name);
    try {
      const names = Object.keys(kw);
      return call(this.heap, f, [...args, ...names.map((n) => kw[n]!)], names.length ? names : null);
    } finally {
      this.heap.decref(f);
    }
  }
  /** The message of the Python exception `fn` raises. */
  error(fn: () => unknown): string {
    try {
      fn();
    } catch (e) {
      if (e instanceof PyException) {
        const name = this.heap.typeOf(e.exc).name;
        if (name === 'KeyError') return reprOf(this.heap, e.exc);
        return `${name}: ${e.message.replace(/^[A-Za-z.]+: /, '')}`;
      }
      throw e;
    }
    throw new Error('no exception');
  }
  /** A Python callable. */
  fn(f: (arg: Ref) => Ref | boolean): Ref {
    const heap = this.heap;
    return newBuiltinFunction(heap, 'f', (_h, _s, args) => {
      const r = f(args[0]!);
      if (typeof r === 'boolean') {
        const b = r ? heap.True : heap.False;
        heap.incref(b);
        return b;
      }
      return r;
    });
  }
  /** An object with a `write` method collecting what is written. */
  capture(): { obj: Ref; chunks: string[] } {
    const chunks: string[] = [];
    const C = this.s.cls('Capture');
    const w = newBuiltinFunction(this.heap, 'write', (h, _s, args) => {
      chunks.push(h.payload[args[0]!] as string);
      h.incref(h.None);
      return h.None;
    });
    const obj = this.s.inst(C);
    this.s.setattr(obj, 'write', w);
    return { obj, chunks };
  }
}

const V = ['2.7', '3.12'] as const;

describe.each(V)('import objgraph (%s)', (version) => {
  it('count / by_type / typestats / most_common_types with Python arguments', () => {
    const s = new Scene(version);
    const py = new Py(s);
    const Foo = s.cls('Foo');
    const foos = [s.inst(Foo), s.inst(Foo), s.inst(Foo)];
    expect(intValue(s.heap, py.call('count', [s.str('Foo')]))).toBe(3);
    expect(intValue(s.heap, py.call('count', [s.str('__main__.Foo')], { objects: s.list([foos[0]!]) }))).toBe(1);
    const found = py.call('by_type', [s.str('Foo')]);
    expect(s.heap.payload[found]).toEqual(foos);
    const isFoo = py.fn((o) => s.heap.typ[o] === Foo);
    const stats = py.call('typestats', [], { filter: isFoo });
    expect(normalize(reprOf(s.heap, stats))).toBe("{'Foo': 3}");
    const mct = py.call('most_common_types', [], { limit: s.int(1), filter: isFoo, shortnames: s.heap.False });
    expect(reprOf(s.heap, mct)).toBe("[('__main__.Foo', 3)]");
  });

  it('show_most_common_types(file=...) and show_growth write through .write()', () => {
    const s = new Scene(version);
    const py = new Py(s);
    const W = s.cls('Widget');
    const widgets = Array.from({ length: 5 }, () => s.inst(W));
    const cap = py.capture();
    const isW = py.fn((o) => s.heap.typ[o] === W);
    py.call('show_most_common_types', [], { file: cap.obj, filter: isW });
    // og_show_most_common_types_file: chunks written: 1 / text: 'Widget 5\n'
    expect(cap.chunks).toEqual(['Widget 5\n']);
    const ps = s.dict();
    py.call('show_growth', [], { peak_stats: ps, filter: isW });
    expect(reprOf(s.heap, ps)).toBe("{'Widget': 5}");
    expect(s.takeOut()).toBe('Widget        5        +5\n');
    void widgets;
  });

  it('get_new_ids returns the same defaultdict of id sets; at and at_addrs', () => {
    const s = new Scene(version);
    const py = new Py(s);
    const Item = s.cls('Item');
    py.call('get_new_ids', [], { limit: s.int(0) });
    const items = [s.inst(Item), s.inst(Item)];
    const ids = py.call('get_new_ids', [], { limit: s.int(0) });
    expect(isInstance(s.heap, ids, s.heap.t.dict)).toBe(true);
    const set = dictGetItem(s.heap, ids, s.str('Item'));
    expect(setLen(s.heap, set)).toBe(2);
    expect(py.call('get_new_ids', [], { skip_update: s.heap.True })).toBe(ids);
    // CPython: defaultdict(<class 'set'>, {'Item': {...}, ...}) (2.7: <type 'set'>, set([...]))
    expect(reprOf(s.heap, ids)).toMatch(version === '2.7' ? /^defaultdict\(<type 'set'>, \{.*'Item': set\(\[\d+, \d+\]\)/ : /^defaultdict\(<class 'set'>, \{.*'Item': \{\d+, \d+\}/);
    const back = py.call('at_addrs', [set]);
    expect(new Set(s.heap.payload[back] as Ref[])).toEqual(new Set(items));
    expect(py.call('at', [s.int(s.heap.addressOf(items[0]!))])).toBe(items[0]);
    expect(py.call('at', [s.int(s.heap.addressOf(s.str('not tracked')))])).toBe(s.heap.None);
    void newSet;
  });

  it('find_backref_chain with objgraph.is_proper_module; extra_ignore ids', () => {
    const s = new Scene(version);
    const py = new Py(s);
    const Leaked = s.cls('Leaked');
    const leaked = s.inst(Leaked);
    const cache = s.list([leaked]);
    s.setGlobal('cache', cache);
    const ipm = getAttr(s.heap, py.mod, 'is_proper_module');
    const chain = py.call('find_backref_chain', [leaked, ipm]);
    expect((s.heap.payload[chain] as Ref[]).map((r) => s.heap.typeName(r))).toEqual(['module', 'dict', 'list', 'Leaked']);
    const none = py.call('find_backref_chain', [leaked, ipm], { extra_ignore: s.tuple([s.int(s.heap.addressOf(cache))]) });
    expect(s.heap.payload[none]).toEqual([leaked]);
    expect(py.call('is_proper_module', [s.main])).toBe(s.heap.True);
  });

  it('show_refs(output=...) writes the DOT one line per write; output+filename is a ValueError', () => {
    const s = new Scene(version);
    const py = new Py(s);
    const cap = py.capture();
    const l = s.list([s.int(1), s.str('a')]);
    py.call('show_refs', [s.list([l])], { output: cap.obj, max_depth: s.int(1) });
    // og_show_refs_output: captured 14 lines
    expect(cap.chunks.join('').split('\n')).toHaveLength(15);
    expect(cap.chunks[0]).toBe('digraph ObjectGraph {\n  node[shape=box, style=filled, fillcolor=white];\n');
    expect(s.takeOut()).toBe('');
    expect(py.error(() => py.call('show_refs', [s.list([])], { output: cap.obj, filename: s.str('x.dot') }))).toBe('ValueError: Cannot specify both output and filename.');
  });

  it('show_backrefs / show_chain through the module match the TS API', () => {
    const s = new Scene(version);
    const py = new Py(s);
    const Leaked = s.cls('Leaked');
    const entries = s.list([s.inst(Leaked)]);
    s.setGlobal('cache', s.dict([[s.str('entries'), entries]]));
    const leaked = (s.heap.payload[entries] as Ref[])[0]!;
    const chain = py.call('find_backref_chain', [leaked, getAttr(s.heap, py.mod, 'is_proper_module')]);
    py.call('show_chain', [chain], { filename: s.str('x.dot') });
    const viaModule = s.takeOut() + s.io.text('x.dot');
    s.og.showChainCore([[...(s.heap.payload[chain] as Ref[])]], { filename: 'y.dot' }, new Map());
    const viaTs = (s.takeOut() + s.io.text('y.dot')).replace('y.dot', 'x.dot');
    expect(viaModule).toBe(viaTs);
    py.call('show_backrefs', [leaked], { filename: s.str('z.dot'), max_depth: s.int(2), filter: py.fn((o) => s.heap.kind[o] !== Kind.TYPE) });
    // leaked, its entries list, the cache dict — and the chain list the caller still holds
    expect(s.takeOut()).toBe('Graph written to z.dot (4 nodes)\n');
  });

  it('argument errors read like CPython\'s', () => {
    const s = new Scene(version);
    const py = new Py(s);
    const is27 = version === '2.7';
    expect(py.error(() => py.call('count'))).toBe(is27 ? 'TypeError: count() takes at least 1 argument (0 given)' : "TypeError: count() missing 1 required positional argument: 'typename'");
    expect(py.error(() => py.call('count', [s.str('a'), s.heap.None, s.int(3)]))).toBe(
      is27 ? 'TypeError: count() takes at most 2 arguments (3 given)' : 'TypeError: count() takes from 1 to 2 positional arguments but 3 were given',
    );
    expect(py.error(() => py.call('count', [s.str('a')], { foo: s.int(1) }))).toBe("TypeError: count() got an unexpected keyword argument 'foo'");
    expect(py.error(() => py.call('count', [s.str('a')], { typename: s.str('b') }))).toBe(
      is27 ? "TypeError: count() got multiple values for keyword argument 'typename'" : "TypeError: count() got multiple values for argument 'typename'",
    );
    expect(py.error(() => py.call('at'))).toBe(is27 ? 'TypeError: at() takes exactly 1 argument (0 given)' : "TypeError: at() missing 1 required positional argument: 'addr'");
    expect(py.error(() => py.call('show_chain', [s.list([s.int(1)])], { filter: s.heap.None }))).toBe(
      is27 ? "TypeError: show_backrefs() got multiple values for keyword argument 'filter'" : "TypeError: objgraph.show_backrefs() got multiple values for keyword argument 'filter'",
    );
    expect(py.error(() => py.call('show_chain', [s.list([s.int(1)])], { bogus: s.int(1) }))).toBe("TypeError: show_backrefs() got an unexpected keyword argument 'bogus'");
    expect(py.error(() => py.call('show_chain'))).toBe(is27 ? 'ValueError: max() arg is an empty sequence' : 'ValueError: max() iterable argument is empty');
    expect(py.error(() => py.call('growth', [s.int(1), s.dict(), s.heap.True, s.heap.None, s.int(5)]))).toBe(
      is27 ? 'TypeError: growth() takes at most 4 arguments (5 given)' : 'TypeError: growth() takes from 0 to 4 positional arguments but 5 were given',
    );
    expect(py.error(() => py.call('get_new_ids', [], { sortby: s.str('x'), limit: s.int(0) }))).toBe(is27 ? "KeyError('x',)" : "KeyError('x')");
    expect(py.error(() => py.call('most_common_types', [], { limit: s.heap.alloc(s.heap.t.float, Kind.FLOAT, 1.5) }))).toBe(
      'TypeError: slice indices must be integers or None or have an __index__ method',
    );
    const attrs = py.fn(() => s.dict([[s.str('a'), s.int(1)]]));
    expect(py.error(() => py.call('show_refs', [s.list([s.int(1)])], { extra_node_attrs: attrs, output: py.capture().obj }))).toBe(
      "AttributeError: 'int' object has no attribute 'replace'",
    );
  });

  it('private helpers objgraph\'s tests call: _obj_node_id, _long_typename, _edge_label, _gradient', () => {
    const s = new Scene(version);
    const py = new Py(s);
    const C = s.cls('MyClass', { module: 'mymodule' });
    const x = s.inst(C);
    expect(s.heap.payload[py.call('_obj_node_id', [x])]).toBe(`o${s.heap.addressOf(x)}`);
    expect(s.heap.payload[py.call('_long_typename', [x])]).toBe('mymodule.MyClass');
    expect(s.heap.payload[py.call('_short_typename', [x])]).toBe('MyClass');
    const one = s.int(1);
    const d = s.dict([[x, one]]);
    expect(s.heap.payload[py.call('_edge_label', [d, one], { shortnames: s.heap.False })]).toMatch(/^ \[label="mymodule\.MyClass\\n<mymodule\.MyClass object at 0x7f/);
    const start = s.tuple([0.1, 0.2, 0.3].map((v) => s.heap.alloc(s.heap.t.float, Kind.FLOAT, v)));
    // test_gradient_empty: max_depth 0 returns start_color itself
    expect(py.call('_gradient', [start, start, s.int(0), s.int(0)])).toBe(start);
    expect(reprOf(s.heap, py.call('_quote', [s.str('a"b')]))).toBe(version === '2.7' ? `'a\\\\"b'` : `'a\\\\"b'`);
  });

  it('_show_graph with a Python edge function, cull_func and extra_node_attrs (ShowGraphTest)', () => {
    const s = new Scene(version);
    const py = new Py(s);
    const T = s.cls('TestObject', { repr: (self) => `TestObject(${self === a ? 'A' : self === b ? 'B' : 'C'})` });
    const a = s.inst(T);
    const b = s.inst(T);
    const c = s.inst(T);
    const edges = py.fn((o) => s.list(o === a ? [b] : o === b ? [c] : []));
    const cap = py.capture();
    py.call('_show_graph', [s.list([a]), edges, s.heap.False], {
      output: cap.obj,
      cull_func: py.fn((o) => o === b),
      extra_node_attrs: py.fn(() => s.dict([[s.str('x'), s.str('y')], [s.str('z'), s.heap.None]])),
    });
    const ia = `o${s.heap.addressOf(a)}`;
    const ib = `o${s.heap.addressOf(b)}`;
    // test_cull_func: B is drawn but not expanded, so C never appears
    expect(cap.chunks.join('')).toBe(
      'digraph ObjectGraph {\n  node[shape=box, style=filled, fillcolor=white];\n' +
        `  ${ia}[fontcolor=red];\n  ${ia}[label="TestObject\\nTestObject(A)", x="y"];\n  ${ia}[fillcolor="0,0,1"];\n` +
        `  ${ib} -> ${ia};\n  ${ib}[label="TestObject\\nTestObject(B)", x="y"];\n  ${ib}[fillcolor="0,0,0.766667"];\n}\n`,
    );
    expect(py.error(() => py.call('_show_graph', [s.list([]), edges, s.heap.False], { filename: s.str('f'), output: cap.obj }))).toBe(
      'ValueError: Cannot specify both output and filename.',
    );
  });

  it('_find_chain with a Python edge function; predicates are called even when not callable', () => {
    const s = new Scene(version);
    const py = new Py(s);
    const L = s.cls('Link');
    const [x, y, z] = [s.inst(L), s.inst(L), s.inst(L)];
    const edges = py.fn((o) => s.list(o === x ? [y] : o === y ? [z] : []));
    const chain = py.call('_find_chain', [x, py.fn((o) => o === z), edges]);
    // the chain runs from the found object back to the start
    expect(s.heap.payload[chain]).toEqual([z, y, x]);
    expect(s.heap.payload[py.call('_find_chain', [x, py.fn((o) => o === z), edges], { max_depth: s.int(1) })]).toEqual([x]);
    expect(py.error(() => py.call('find_ref_chain', [x, s.heap.None]))).toBe("TypeError: 'NoneType' object is not callable");
  });

  it('_obj_label and _obj_attrs', () => {
    const s = new Scene(version);
    const py = new Py(s);
    const l = s.list([s.int(1), s.int(2)]);
    const label = py.call('_obj_label', [l, py.fn(() => s.str('a"b')), s.heap.False, s.heap.False]);
    expect(s.heap.payload[label]).toBe(`${version === '2.7' ? '__builtin__' : 'builtins'}.list\\n2 items\\na\\"b`);
    // sys.getrefcount(obj) - 4 inside objgraph's _obj_label. The heap's `call` borrows the argument
    // (the interpreter's call site holds one more: og_private_labels prints [0] / [-1] for a global).
    expect(s.heap.payload[py.call('_obj_label', [l], { refcounts: s.heap.True })]).toBe(`list [${version === '2.7' ? -1 : -2}]\\n2 items`);
    expect(s.heap.payload[py.call('_obj_attrs', [l, s.heap.None])]).toBe('');
    const attrs = py.fn(() => s.dict([[s.str('shape'), s.str('box')], [s.str('color'), s.heap.None], [s.str('a'), s.str('q"')]]));
    expect(s.heap.payload[py.call('_obj_attrs', [l, attrs])]).toBe(', a="q\\"", shape="box"');
  });

  it('at_addrs tests membership: non-containers raise like `in`', () => {
    const s = new Scene(version);
    const py = new Py(s);
    expect(py.error(() => py.call('at_addrs', [s.int(5)]))).toBe("TypeError: argument of type 'int' is not iterable");
    expect(py.error(() => py.call('at_addrs', [s.heap.None]))).toBe("TypeError: argument of type 'NoneType' is not iterable");
    expect(py.error(() => py.call('at_addrs', [s.str('abc')]))).toBe("TypeError: 'in <string>' requires string as left operand, not int");
  });

  it('get_leaking_objects([]): 3.5.0 (2.7) fails in its finally clause, 3.x returns []', () => {
    const s = new Scene(version);
    const py = new Py(s);
    if (version === '2.7') expect(py.error(() => py.call('get_leaking_objects', [s.list([])]))).toBe("UnboundLocalError: local variable 'i' referenced before assignment");
    else expect(reprOf(s.heap, py.call('get_leaking_objects', [s.list([])]))).toBe('[]');
  });

  it('get_new_ids keeps three defaultdicts of sets on the heap, one set per type name in each', () => {
    const s = new Scene(version);
    const py = new Py(s);
    expect(intValue(s.heap, py.call('count', [s.str('defaultdict')]))).toBe(0);
    py.call('get_new_ids', [], { limit: s.int(0) });
    expect(intValue(s.heap, py.call('count', [s.str('defaultdict')]))).toBe(3);
    // the sets one call makes are seen by the next ('set' and 'defaultdict' become type names too)
    py.call('get_new_ids', [], { limit: s.int(0) });
    const ids = py.call('get_new_ids', [], { limit: s.int(0) });
    const names = (reprOf(s.heap, ids).match(/'[\w.]+': (set\(|\{)/g) ?? []).length;
    expect(intValue(s.heap, py.call('count', [s.str('set')]))).toBe(3 * names);
  });

  it('show_chain: no chains is a ValueError even with max_depth= (checked first)', () => {
    const s = new Scene(version);
    const py = new Py(s);
    expect(py.error(() => py.call('show_chain', [], { max_depth: s.int(2) }))).toBe(version === '2.7' ? 'ValueError: max() arg is an empty sequence' : 'ValueError: max() iterable argument is empty');
  });

  it('module metadata', () => {
    const s = new Scene(version);
    const py = new Py(s);
    expect(reprOf(s.heap, getAttr(s.heap, py.mod, '__version__'))).toBe(version === '2.7' ? "'3.5.0'" : "'3.7.0.dev0'");
  });
});
