/**
 * The objgraph API against the results objgraph gives on CPython: the og_* conformance scenarios
 * that print values rather than graphs (each test names the recording it reproduces), and the
 * seed article's examples (/work/shared/conformance/scenarios/seed_0[3-5]*).
 */
import { Kind, type Ref } from '@heaplab/heap';
import { describe, expect, it } from 'vitest';
import { newClassicClass, newClassicInstance, Scene } from './testkit.js';

const V = ['2.7', '3.12'] as const;

describe.each(V)('statistics (%s)', (version) => {
  it('og_count_user_class: counts as instances come and go, short and qualified names', () => {
    // CPython: Foo before: 0 / Foo: 7, Bar: 3 / qualified __main__.Foo: 7 / wrong module other.Foo: 0
    //          after freeing four: 3 / count within a given list: 2 / after del: Foo 0, Bar 0
    const s = new Scene(version);
    s.gc.disable();
    s.gc.collect();
    const Foo = s.cls('Foo');
    expect(s.og.count('Foo')).toBe(0);
    const foos = Array.from({ length: 7 }, () => s.inst(Foo));
    // `class Bar:` is an old-style class in 2.7; objgraph names its instances after the class.
    const Bar = version === '2.7' ? newClassicClass(s.heap, 'Bar') : s.cls('Bar');
    const bars = Array.from({ length: 3 }, () => (version === '2.7' ? newClassicInstance(s.heap, Bar) : s.inst(Bar)));
    expect([s.og.count('Foo'), s.og.count('Bar')]).toEqual([7, 3]);
    expect(s.og.count('__main__.Foo')).toBe(7);
    expect(s.og.count('other.Foo')).toBe(0);
    for (const f of foos.splice(0, 4)) s.heap.decref(f);
    expect(s.og.count('Foo')).toBe(3);
    expect(s.og.count('Foo', [foos[0]!, bars[0]!, foos[1]!])).toBe(2);
    for (const o of [...foos, ...bars]) s.heap.decref(o);
    expect([s.og.count('Foo'), s.og.count('Bar')]).toEqual([0, 0]);
  });

  it('og_count_same_name_modules (CountTest.test_long_type_names): same name, different modules', () => {
    // CPython: short name: 3 / mymodule.MyClass: 1 / other.MyClass: 2 / typestats long names
    // [('mymodule.MyClass', 1), ('other.MyClass', 2)]
    const s = new Scene(version);
    const a = s.cls('MyClass', { module: 'mymodule' });
    const b = s.cls('MyClass', { module: 'other' });
    const c = s.cls('MyClass', { module: 'other' });
    const objs = [s.inst(a), s.inst(b), s.inst(c)];
    expect(s.og.count('MyClass')).toBe(3);
    expect(s.og.count('mymodule.MyClass')).toBe(1);
    expect(s.og.count('other.MyClass')).toBe(2);
    const stats = s.og.typestats({ shortnames: false });
    expect([...stats].filter(([k]) => k.endsWith('.MyClass')).sort()).toEqual([
      ['mymodule.MyClass', 1],
      ['other.MyClass', 2],
    ]);
    void objs;
  });

  it('og_by_type: collector order, qualified names, objects=, frees', () => {
    // CPython: found: 5 / numbers: [0, 1, 2, 3, 4] / qualified: 5 / unknown type: [] / within a list: 2 / after freeing four: 1
    const s = new Scene(version);
    const Item = s.cls('Item');
    const items = Array.from({ length: 5 }, (_, i) => {
      const it = s.inst(Item);
      s.setattr(it, 'n', s.int(i));
      return it;
    });
    const found = s.og.byType('Item');
    expect(found).toHaveLength(5);
    expect(new Set(found)).toEqual(new Set(items));
    expect(s.og.byType('__main__.Item')).toHaveLength(5);
    expect(s.og.byType('NoSuchType')).toEqual([]);
    expect(s.og.byType('Item', [items[0]!, s.int(5), items[3]!])).toEqual([items[0], items[3]]);
    for (const it of items.slice(1)) s.heap.decref(it);
    expect(s.og.byType('Item')).toEqual([items[0]]);
  });

  it('by_type on an unchanged heap answers again from its last answer, until a type is renamed or an object goes', () => {
    const s = new Scene(version);
    const Item = s.cls('Item');
    const Other = s.cls('Other');
    const items = [s.inst(Item), s.inst(Other), s.inst(Item)];
    const first = s.og.byType('Item');
    expect(first).toEqual([items[0], items[2]]);
    first.pop(); // the caller's copy
    expect(s.og.byType('Item')).toEqual([items[0], items[2]]);
    // Renaming a class changes the answer without touching the generation lists.
    s.setattr(Other, '__name__', s.str('Item'));
    expect(s.og.byType('Item')).toEqual(items);
    s.setattr(Other, '__name__', s.str('Other'));
    expect(s.og.byType('Item')).toEqual([items[0], items[2]]);
    s.heap.decref(items[2]!);
    expect(s.og.byType('Item')).toEqual([items[0]]);
  });

  it('og_typestats_filter (TypestatsFilterArguTest): filter=, shortnames=False, objects=', () => {
    // CPython: user types: [('Apple', 4), ('Pear', 2)] / ripe apples: [('Apple', 2)]
    // long names: [('__main__.Apple', 4), ('__main__.Pear', 2)] / from an explicit list: [('Apple', 1), ('Pear', 2), ('list', 1)]
    const s = new Scene(version);
    const Base = s.cls('Base');
    const Apple = s.cls('Apple', { bases: [Base] });
    const Pear = s.cls('Pear', { bases: [Base] });
    const apples = Array.from({ length: 4 }, (_, i) => {
      const a = s.inst(Apple);
      s.setattr(a, 'ripe', i % 2 === 0 ? s.heap.True : s.heap.False);
      return a;
    });
    const pears = [s.inst(Pear), s.inst(Pear)];
    const isBase = (o: Ref) => s.heap.kind[o] === Kind.INSTANCE && [Apple, Pear].includes(s.heap.typ[o]!);
    const sorted = (m: Map<string, number>) => [...m].sort();
    expect(sorted(s.og.typestats({ filter: isBase }))).toEqual([
      ['Apple', 4],
      ['Pear', 2],
    ]);
    const ripe = (o: Ref) => s.heap.typ[o] === Apple && s.og.heap.isLive(o) && apples.indexOf(o) % 2 === 0;
    expect(sorted(s.og.typestats({ filter: ripe }))).toEqual([['Apple', 2]]);
    expect(sorted(s.og.typestats({ shortnames: false, filter: isBase }))).toEqual([
      ['__main__.Apple', 4],
      ['__main__.Pear', 2],
    ]);
    expect(sorted(s.og.typestats({ objects: [apples[0]!, pears[0]!, pears[1]!, s.list([])] }))).toEqual([
      ['Apple', 1],
      ['Pear', 2],
      ['list', 1],
    ]);
  });

  it('og_most_common_types: sorted by count, limit, objects=', () => {
    // CPython: [('Three', 3), ('Two', 2), ('One', 1)] / limit 2: [('Three', 3), ('Two', 2)] / from objects: [('Two', 2), ('One', 1)]
    const s = new Scene(version);
    const [One, Two, Three] = ['One', 'Two', 'Three'].map((n) => s.cls(n));
    const keep = [s.inst(One!), s.inst(Two!), s.inst(Two!), s.inst(Three!), s.inst(Three!), s.inst(Three!)];
    const user = (o: Ref) => [One, Two, Three].includes(s.heap.typ[o]);
    expect(s.og.mostCommonTypes({ limit: null, filter: user })).toEqual([
      ['Three', 3],
      ['Two', 2],
      ['One', 1],
    ]);
    expect(s.og.mostCommonTypes({ limit: 2, filter: user })).toEqual([
      ['Three', 3],
      ['Two', 2],
    ]);
    expect(s.og.mostCommonTypes({ objects: keep.slice(0, 3) })).toEqual([
      ['Two', 2],
      ['One', 1],
    ]);
  });

  it('og_show_most_common_types(+_file): padded columns, file=', () => {
    const s = new Scene(version);
    const Base = s.cls('Base');
    const classes = ['Short', 'AVeryLongClassName', 'Mid'].map((n) => s.cls(n, { bases: [Base] }));
    const keep = [...Array.from({ length: 12 }, () => s.inst(classes[0]!)), ...Array.from({ length: 3 }, () => s.inst(classes[1]!)), ...Array.from({ length: 7 }, () => s.inst(classes[2]!))];
    const user = (o: Ref) => classes.includes(s.heap.typ[o]!);
    s.og.showMostCommonTypes({ filter: user });
    s.out.push('--- limit=2\n');
    s.og.showMostCommonTypes({ limit: 2, filter: user });
    s.out.push('--- shortnames=False\n');
    s.og.showMostCommonTypes({ limit: 1, shortnames: false, filter: user });
    s.out.push('--- objects=\n');
    s.og.showMostCommonTypes({ objects: keep.slice(-2) });
    // og_show_most_common_types.{2.7,3.12}.out
    expect(s.takeOut()).toBe(
      'Short              12\nMid                7\nAVeryLongClassName 3\n--- limit=2\nShort 12\nMid   7\n--- shortnames=False\n__main__.Short 12\n--- objects=\nMid 2\n',
    );
    const chunks: string[] = [];
    s.og.showMostCommonTypes({ file: { write: (t) => chunks.push(t) }, filter: (o) => s.heap.typ[o] === classes[2] });
    // og_show_most_common_types_file: chunks written: 1 / text: 'Widget 5\n' (one write per line)
    expect(chunks).toEqual(['Mid 7\n']);
    expect(() => s.og.showMostCommonTypes({ objects: [] })).toThrow(version === '2.7' ? 'max() arg is an empty sequence' : 'max() iterable argument is empty');
  });
});

describe.each(V)('growth (%s)', (version) => {
  it('og_growth_user: deltas against the peaks', () => {
    // CPython: after creating: [('Leaf', 5, 5), ('Node', 2, 2)] / no change: [] / after freeing three leaves: []
    // back to the old peak: [] / above the peak: [('Leaf', 7, 2)] / limit=1 after adding nodes: [('Node', 4, 2)]
    const s = new Scene(version);
    const Base = s.cls('Base');
    const Leaf = s.cls('Leaf', { bases: [Base] });
    const Node = s.cls('Node', { bases: [Base] });
    const user = (o: Ref) => s.heap.typ[o] === Leaf || s.heap.typ[o] === Node;
    s.og.growth({ limit: null, filter: user });
    const keep = s.list([]);
    s.setGlobal('keep', keep);
    const add = (cls: Ref, n: number) => {
      for (let i = 0; i < n; i++) {
        const o = s.inst(cls);
        s.append(keep, o);
        s.heap.decref(o);
      }
    };
    add(Leaf, 5);
    add(Node, 2);
    expect(s.og.growth({ limit: null, filter: user })).toEqual([
      ['Leaf', 5, 5],
      ['Node', 2, 2],
    ]);
    expect(s.og.growth({ limit: null, filter: user })).toEqual([]);
    const items = s.heap.payload[keep] as Ref[];
    for (const o of items.splice(0, 3)) s.heap.decref(o);
    expect(s.og.growth({ limit: null, filter: user })).toEqual([]);
    add(Leaf, 3);
    expect(s.og.growth({ limit: null, filter: user })).toEqual([]);
    add(Leaf, 2);
    expect(s.og.growth({ limit: null, filter: user })).toEqual([['Leaf', 7, 2]]);
    add(Node, 2);
    expect(s.og.growth({ limit: 1, filter: user })).toEqual([['Node', 4, 2]]);
  });

  it('og_show_growth: columns, silence when nothing grew, shortnames=False', () => {
    const s = new Scene(version);
    const Base = s.cls('Base');
    const Request = s.cls('Request', { bases: [Base] });
    const Response = s.cls('ResponseObject', { bases: [Base] });
    const user = (o: Ref) => s.heap.typ[o] === Request || s.heap.typ[o] === Response;
    const leak = s.list([]);
    const add = (cls: Ref, n: number) => {
      for (let i = 0; i < n; i++) {
        const o = s.inst(cls);
        s.append(leak, o);
        s.heap.decref(o);
      }
    };
    s.og.showGrowth({ filter: user });
    s.out.push('--- first leak\n');
    add(Request, 3);
    add(Response, 12);
    s.og.showGrowth({ filter: user });
    s.out.push('--- nothing new\n');
    s.og.showGrowth({ filter: user });
    s.out.push('--- more requests\n');
    add(Request, 120);
    s.og.showGrowth({ limit: 5, filter: user });
    s.out.push('--- shortnames=False\n');
    add(Request, 1);
    s.og.showGrowth({ shortnames: false, filter: user });
    // og_show_growth.{2.7,3.12}.out
    expect(s.takeOut()).toBe(
      [
        '--- first leak',
        'ResponseObject       12       +12',
        'Request               3        +3',
        '--- nothing new',
        '--- more requests',
        'Request      123      +120',
        '--- shortnames=False',
        '__main__.Request             124      +124',
        '__main__.ResponseObject       12       +12',
        '',
      ].join('\n'),
    );
  });

  it('og_show_growth_peak_stats: a caller-owned peak_stats', () => {
    const s = new Scene(version);
    const Item = s.cls('Item');
    const user = (o: Ref) => s.heap.typ[o] === Item;
    const ps = new Map<string, number>();
    const items = Array.from({ length: 4 }, () => s.inst(Item));
    s.og.showGrowth({ peakStats: ps, filter: user });
    expect([...ps]).toEqual([['Item', 4]]);
    items.push(s.inst(Item), s.inst(Item));
    s.og.showGrowth({ peakStats: ps, filter: user });
    expect([...ps]).toEqual([['Item', 6]]);
    s.og.showGrowth({ peakStats: new Map(), filter: user });
    // og_show_growth_peak_stats.out (without its peak_stats lines)
    expect(s.takeOut()).toBe('Item        4        +4\nItem        6        +2\nItem        6        +6\n');
  });

  it('seed_05_cache_leak: growth then a backref chain to the module-level cache', () => {
    // CPython: growth of OBJ: [('OBJ', 1)] / chain length: 4 / module -> dict -> list -> OBJ / __main__ / cache holds it: True
    const s = new Scene(version);
    const cache = s.list([]);
    s.setGlobal('_cache', cache);
    const OBJ = s.cls('OBJ');
    s.og.growth({ limit: null });
    const o = s.inst(OBJ);
    s.append(cache, o);
    s.heap.decref(o);
    expect(s.og.growth({ limit: null }).filter(([n]) => n === 'OBJ').map(([n, , d]) => [n, d])).toEqual([['OBJ', 1]]);
    const chain = s.og.findBackrefChain(s.og.byType('OBJ')[0]!, (x) => s.og.isProperModule(x));
    expect(chain.map((x) => s.heap.typeOf(x).name)).toEqual(['module', 'dict', 'list', 'OBJ']);
    expect(chain[0]).toBe(s.main);
    expect(chain[2]).toBe(cache);
  });
});

describe.each(V)('get_new_ids, at, at_addrs (%s)', (version) => {
  it('og_get_new_ids: new ids per type, same dict object, skip_update, shortnames=False', () => {
    // CPython: new Item ids: 3 / at_addrs gives them back: True / skip_update returns the same: True
    // after freeing one: new 0 / qualified key present: True, new 3
    const s = new Scene(version);
    const Item = s.cls('Item');
    s.og.getNewIds({ limit: 0 });
    s.og.getNewIds({ limit: 0 });
    const a = [s.inst(Item), s.inst(Item), s.inst(Item)];
    let ids = s.og.getNewIds({ limit: 0 });
    expect(ids.get('Item')!.size).toBe(3);
    const found = s.og.atAddrs(ids.get('Item')!);
    expect(found.map((r) => s.heap.addressOf(r)).sort()).toEqual(a.map((r) => s.heap.addressOf(r)).sort());
    expect(s.og.getNewIds({ skipUpdate: true })).toBe(ids);
    s.heap.decref(a.shift()!);
    ids = s.og.getNewIds({ limit: 0 });
    expect(ids.get('Item')!.size).toBe(0);
    a.push(s.inst(Item));
    ids = s.og.getNewIds({ limit: 0, shortnames: false });
    expect(ids.has('__main__.Item')).toBe(true);
    expect(ids.get('__main__.Item')!.size).toBe(3);
    expect(s.takeOut()).toBe('');
  });

  it('doctest_get_new_ids_prints: the table', () => {
    const s = new Scene(version);
    s.og.getNewIds({ limit: 0 });
    s.og.getNewIds({ limit: 0 });
    const lists = Array.from({ length: 10 }, () => s.list([]));
    const outer = s.list(lists);
    s.og.getNewIds({ limit: 1 });
    const lines = s.takeOut().split('\n');
    expect(lines[0]).toBe('========================================================');
    expect(lines[1]).toBe('Type      Old_ids  Current_ids      New_ids Count_Deltas');
    expect(lines[3]).toMatch(/^list +\d+ +\d+ +\+11 +\+11$/);
    void outer;
  });

  it('og_at: tracked objects only', () => {
    // CPython: at(id(t)) is t: True / at(id(lst)) is lst: True / int: None / empty dict: None / str: None / at_addrs found: 2
    const s = new Scene(version);
    const Thing = s.cls('Thing');
    const t = s.inst(Thing);
    const lst = s.list([s.int(1), s.int(2)]);
    expect(s.og.at(s.heap.addressOf(t))).toBe(t);
    expect(s.og.at(s.heap.addressOf(lst))).toBe(lst);
    const big = s.heap.alloc(s.heap.t.int, Kind.INT, 10n ** 20n);
    expect(s.og.at(s.heap.addressOf(big))).toBe(0);
    expect(s.og.at(s.heap.addressOf(s.dict()))).toBe(0);
    expect(s.og.at(s.heap.addressOf(s.str('some string')))).toBe(0);
    const found = s.og.atAddrs(new Set([s.heap.addressOf(t), s.heap.addressOf(lst), s.heap.addressOf(big)]));
    expect(new Set(found)).toEqual(new Set([t, lst]));
  });

  it('og_is_proper_module', () => {
    const s = new Scene(version);
    expect(s.og.isProperModule(s.main)).toBe(true);
    expect(s.og.isProperModule(s.list([]))).toBe(false);
    expect(s.og.isProperModule(s.str('gc'))).toBe(false);
  });
});

describe.each(V)('leaking objects (%s)', (version) => {
  it('og_get_leaking_objects: 3.5.0 looks among the given objects, 3.7 among all tracked', () => {
    const s = new Scene(version);
    const Obj = s.cls('Obj');
    const mk = (name: string) => {
      const o = s.inst(Obj);
      s.setattr(o, 'name', s.str(name));
      return o;
    };
    const a = mk('a');
    const b = mk('b');
    const c = mk('c');
    s.setGlobal('a', a);
    s.setGlobal('b', b);
    s.setGlobal('c', c);
    s.setattr(a, 'child', b);
    // o.name: in the instance dict (2.7) or the first inline value (3.12)
    const nameOf = (r: Ref) => {
      const storage = s.heap.payload[r] as Ref[];
      if (storage[0] !== 0) {
        const store = (s.heap.payload[storage[0]!] as { store: { next(p: number): number; keyAt(p: number): Ref; valueAt(p: number): Ref } }).store;
        for (let p = store.next(0); p >= 0; p = store.next(p + 1)) if (s.heap.payload[store.keyAt(p)] === 'name') return s.heap.payload[store.valueAt(p)] as string;
      }
      return s.heap.payload[storage[1]!] as string;
    };
    const list = s.list([a, b, c]);
    // CPython 2.7 (objgraph 3.5.0): ['a', 'b', 'c']; 3.12 (3.7): [] (the globals dict refers to all three)
    expect(s.og.getLeakingObjects([a, b, c], { objectsList: list }).map(nameOf).sort()).toEqual(version === '2.7' ? ['a', 'b', 'c'] : []);
    const orphan = s.list([mk('in_list')]);
    s.setGlobal('orphan_list', orphan);
    // CPython: from by_type: 2.7 ['a', 'b', 'c', 'in_list'], 3.12 []
    expect(s.og.getLeakingObjects(s.og.byType('Obj')).map(nameOf).sort()).toEqual(version === '2.7' ? ['a', 'b', 'c', 'in_list'] : []);
    // An object referenced only from a running frame (untracked in 3.12, and absent here in both).
    const local = mk('local_only');
    expect(s.og.getLeakingObjects(s.og.byType('Obj')).map(nameOf).sort()).toEqual(version === '2.7' ? ['a', 'b', 'c', 'in_list', 'local_only'] : ['local_only']);
    void local;
  });
});

describe.each(V)('chains (%s)', (version) => {
  it('og_backref_chain_instance: 2.7 passes through instance dicts, 3.12 goes instance to instance', () => {
    // CPython 2.7: length 7, module -> dict -> Node -> dict -> Node -> dict -> Node; 3.12: length 5, module -> dict -> Node -> Node -> Node
    const s = new Scene(version);
    const Node = s.cls('Node');
    const root = s.inst(Node);
    s.setGlobal('root', root);
    const child = s.inst(Node);
    s.setattr(root, 'child', child);
    const grandchild = s.inst(Node);
    s.setattr(child, 'child', grandchild);
    s.heap.decref(child);
    s.heap.decref(grandchild);
    const chain = s.og.findBackrefChain(grandchild, (o) => s.og.isProperModule(o));
    expect(chain.map((x) => s.heap.typeOf(x).name).join(' -> ')).toBe(
      version === '2.7' ? 'module -> dict -> Node -> dict -> Node -> dict -> Node' : 'module -> dict -> Node -> Node -> Node',
    );
    expect(chain[0]).toBe(s.main);
    expect(chain[chain.length - 1]).toBe(grandchild);
  });

  it('og_backref_chain_containers: the shortest route wins; a global alias shortens it', () => {
    const s = new Scene(version);
    const Leaked = s.cls('Leaked');
    const leaked = s.inst(Leaked);
    const handlers = s.list([leaked]);
    const registry = s.list([s.dict([[s.str('handlers'), handlers]])]);
    s.setGlobal('registry', registry);
    const show = () => s.og.findBackrefChain(leaked, (o) => s.og.isProperModule(o)).map((x) => s.heap.typeOf(x).name).join(' -> ');
    // CPython: through the registry: module -> dict -> list -> dict -> list -> Leaked
    expect(show()).toBe('module -> dict -> list -> dict -> list -> Leaked');
    s.setGlobal('alias', leaked);
    expect(show()).toBe('module -> dict -> Leaked');
    s.setGlobal('alias', s.heap.None);
    s.setGlobal('other', s.dict([[s.str('k'), handlers]]));
    expect(show()).toBe('module -> dict -> dict -> list -> Leaked');
  });

  it('og_backref_chain_not_found / seed_04: [obj] for a pure cycle or too small max_depth', () => {
    const s = new Scene(version);
    s.gc.disable();
    const Node = s.cls('Node');
    const a = s.inst(Node);
    const b = s.inst(Node);
    s.setattr(a, 'b', b);
    s.setattr(b, 'a', a);
    s.heap.decref(a);
    s.heap.decref(b);
    const chain = s.og.findBackrefChain(s.og.byType('Node')[0]!, (o) => s.og.isProperModule(o));
    expect(chain).toHaveLength(1);
    s.gc.collect();
    expect(s.og.count('Node')).toBe(0);
    const n = s.inst(Node);
    const deep = s.list([s.list([s.list([s.list([n])])])]);
    s.setGlobal('deep', deep);
    expect(s.og.findBackrefChain(n, (o) => s.og.isProperModule(o), { maxDepth: 2 })).toHaveLength(1);
    expect(s.og.findBackrefChain(n, (o) => s.og.isProperModule(o))).toHaveLength(7);
  });

  it('og_ref_chain (chain.txt): forward to the first match', () => {
    // CPython: length: 4 / dict -> list -> dict -> Unpicklable / not found: length 1
    const s = new Scene(version);
    const U = s.cls('Unpicklable');
    const trap = s.inst(U);
    const my = s.dict([
      [s.str('foo'), s.dict([[s.str('unrelated'), s.str('things')]])],
      [s.str('bar'), s.list([s.dict([[s.str('nesting'), s.str('fun')]]), s.dict([[s.str('boobytrap'), trap]])])],
    ]);
    const chain = s.og.findRefChain(my, (x) => s.heap.typ[x] === U);
    expect(chain.map((x) => s.heap.typeOf(x).name)).toEqual(['dict', 'list', 'dict', 'Unpicklable']);
    expect(chain[0]).toBe(my);
    expect(s.og.findRefChain(my, (x) => s.heap.kind[x] === Kind.SET)).toEqual([my]);
  });

  it('og_ref_chain_extra_ignore: ignoring the nearest holder forces a longer route', () => {
    // CPython: default: module -> dict -> list -> Target / ignoring the direct list: module -> dict -> dict -> list -> list -> Target
    const s = new Scene(version);
    const T = s.cls('Target');
    const target = s.inst(T);
    const direct = s.list([target]);
    s.setGlobal('direct', direct);
    const inner = s.list([target]);
    const indirect = s.dict([[s.str('deep'), s.list([inner])]]);
    s.setGlobal('indirect', indirect);
    const names = (c: Ref[]) => c.map((x) => s.heap.typeOf(x).name).join(' -> ');
    const c1 = s.og.findBackrefChain(target, (o) => s.og.isProperModule(o));
    expect(names(c1)).toBe('module -> dict -> list -> Target');
    const c2 = s.og.findBackrefChain(target, (o) => s.og.isProperModule(o), { extraIgnore: [s.heap.addressOf(direct)] });
    expect(names(c2)).toBe('module -> dict -> dict -> list -> list -> Target');
    expect(c2[c2.length - 2]).toBe(inner);
  });

  it('FindChainTest.test_no_chain: [obj] when nothing matches', () => {
    const s = new Scene(version);
    const o = s.inst(s.cls('Thing'));
    expect(s.og.findBackrefChain(o, () => false)).toEqual([o]);
  });

  it('seed_03_direct_cycle: a self-referencing instance survives until collected', () => {
    // CPython: OBJ alive after return: 1 / referrers are itself: True / collected: 1 (3.12), 2 (2.7: with its dict) / after collect: 0
    const s = new Scene(version);
    s.gc.disable();
    s.gc.collect();
    const OBJ = s.cls('OBJ');
    const a = s.inst(OBJ);
    s.setattr(a, 'attr', a);
    s.heap.decref(a);
    expect(s.og.count('OBJ')).toBe(1);
    expect(s.og.byType('OBJ')).toEqual([a]);
    expect(s.gc.collect()).toBe(version === '2.7' ? 2 : 1);
    expect(s.og.count('OBJ')).toBe(0);
  });
});
