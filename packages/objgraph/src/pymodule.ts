/**
 * The Python-visible `objgraph` module: what `import objgraph` gives a program running on the
 * heap. Each function binds its arguments like the Python function of objgraph 3.5.0 (2.7
 * profile) or 3.7 (3.12 profile) — positional or keyword, defaults, CPython's TypeError wording —
 * calls Python callables (filters, predicates, highlight, extra_info, extra_node_attrs) through
 * the heap's `call`, writes to `file`/`output` objects through their `write` method, and runs
 * the `Objgraph` implementation.
 */
import {
  builtinRepr,
  call,
  callMethod,
  dictEntries,
  dictGetItem,
  dictDelItem,
  dictSetItem,
  dictSetStr,
  Flag,
  getAttrOrNull,
  getIter,
  type Heap,
  isTrue,
  iterNext,
  Kind,
  moduleDict,
  newBool,
  newBuiltinFunction,
  newClass,
  newDict,
  newInt,
  newList,
  newListSteal,
  newModule,
  newSet,
  newStr,
  newTupleSteal,
  type NativeFn,
  type Ref,
  setAdd,
  setClear,
  strOf,
} from '@heaplab/heap';
import type { GcModule } from '@heaplab/gc';
import { ObjgraphError, Objgraph, gradient, nodeId, type ChainEdges, type ObjgraphIO, type PeakStats, type Predicate, type ShowGraphOptions, type Writable, type CallShape } from './objgraph.js';
import { codePointCompare, edgeLabel, safeRepr, shortRepr } from './labels.js';
import { longTypename, shortTypename, typename } from './names.js';
import { quote } from './pyutil.js';
import { isInst } from './labels.js';

/** File output for the module (`filename=` arguments and temporary DOT files). */
export interface ObjgraphModuleIO {
  writeFile(path: string, data: string | Uint8Array): void;
  /** If given, graphs without a filename are shown with it ("Spawning graph viewer (xdot)"). */
  openViewer?(dotPath: string): void;
  /** Where temporary `objgraph-*.dot` files go (default `/tmp`). */
  tempDir?: string;
  /** A file's text, or null (`_present_graph` renders a DOT file written by Python code). */
  readFile?(path: string): string | null;
}

interface Param {
  name: string;
  /** Has a default (the parameter may be omitted). */
  optional: boolean;
}

/** Bind vectorcall arguments to named parameters with CPython's error messages. Returns borrowed refs, 0 = omitted. */
function bindArgs(heap: Heap, fname: string, params: readonly Param[], args: readonly Ref[], kwnames: readonly string[] | null, varKw = false): { values: Ref[]; extra: Map<string, Ref> } {
  const is27 = heap.profile.version === '2.7';
  const nkw = kwnames?.length ?? 0;
  const npos = args.length - nkw;
  const values = new Array<Ref>(params.length).fill(0);
  const extra = new Map<string, Ref>();
  const required = params.filter((p) => !p.optional).length;
  const err = (msg: string) => heap.newException(heap.t.TypeError, msg);
  const given = () => args.length;
  if (npos > params.length) {
    if (is27) {
      const word = required === params.length ? 'exactly' : 'at most';
      throw err(`${fname}() takes ${word} ${params.length} argument${params.length === 1 ? '' : 's'} (${given()} given)`);
    }
    const takes = required === params.length ? `${params.length}` : `from ${required} to ${params.length}`;
    const plural = required === params.length && params.length === 1 ? 'argument' : 'arguments';
    throw err(`${fname}() takes ${takes} positional ${plural} but ${npos} ${npos === 1 ? 'was' : 'were'} given`);
  }
  for (let i = 0; i < npos; i++) values[i] = args[i]!;
  for (let k = 0; k < nkw; k++) {
    const name = kwnames![k]!;
    const i = params.findIndex((p) => p.name === name);
    if (i < 0) {
      if (varKw) {
        extra.set(name, args[npos + k]!);
        continue;
      }
      throw err(`${fname}() got an unexpected keyword argument '${name}'`);
    }
    if (values[i] !== 0) throw err(is27 ? `${fname}() got multiple values for keyword argument '${name}'` : `${fname}() got multiple values for argument '${name}'`);
    values[i] = args[npos + k]!;
  }
  const missing = params.filter((p, i) => !p.optional && values[i] === 0).map((p) => p.name);
  if (missing.length > 0) {
    if (is27) {
      const word = required === params.length ? 'exactly' : 'at least';
      throw err(`${fname}() takes ${word} ${required} argument${required === 1 ? '' : 's'} (${given()} given)`);
    }
    const names = missing.map((n) => `'${n}'`);
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')}${names.length > 2 ? ',' : ''} and ${names[names.length - 1]}`;
    throw err(`${fname}() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${list}`);
  }
  return { values, extra };
}

const P = (spec: string): Param[] =>
  spec.split(',').map((s) => {
    const t = s.trim();
    return t.endsWith('=') ? { name: t.slice(0, -1), optional: true } : { name: t, optional: false };
  });

/**
 * Build the `objgraph` module object (new reference) for `import objgraph`.
 *
 * @example
 * ```ts
 * import { Heap, getAttr, call, newStr, intValue } from '@heaplab/heap';
 * import { attachCollector } from '@heaplab/gc';
 * import { createObjgraphPythonModule } from '@heaplab/objgraph';
 * const heap = new Heap({ version: '3.12' });
 * const files = new Map<string, string | Uint8Array>();
 * const mod = createObjgraphPythonModule(heap, attachCollector(heap), { writeFile: (p, d) => files.set(p, d) });
 * const count = getAttr(heap, mod, 'count');
 * intValue(heap, call(heap, count, [newStr(heap, 'dict')])); // number of tracked dicts
 * ```
 */
export function createObjgraphPythonModule(heap: Heap, gc: GcModule, io: ObjgraphModuleIO): Ref {
  const og = new Objgraph(heap, gc, { io: io as ObjgraphIO });
  // print() and file=None write to the program's sys.stdout of the moment, as in CPython.
  og.stdout = () => {
    const sysMod = heap.sysModules === 0 ? 0 : dictGetItemStr(heap, heap.sysModules, 'sys');
    const out = sysMod === 0 ? 0 : getAttrOrNull(heap, sysMod, 'stdout');
    if (out === 0) return { write: (text: string) => heap.hooks.writeStdout(text) };
    heap.decref(out);
    const w = writable(out)!;
    return w;
  };
  const m = newModule(heap, 'objgraph');
  const d = moduleDict(heap, m);
  const t = heap.t;
  const is27 = heap.profile.version === '2.7';

  const none = (): Ref => {
    heap.incref(heap.None);
    return heap.None;
  };
  const isNone = (r: Ref) => r === 0 || r === heap.None;
  const str = (s: string) => newStr(heap, s);
  const truthy = (r: Ref, dflt: boolean) => (r === 0 ? dflt : isTrue(heap, r));

  /** Python exceptions for objgraph's own errors. */
  const wrap = (fn: NativeFn): NativeFn => (h, self, args, kw) => {
    try {
      return fn(h, self, args, kw);
    } catch (e) {
      if (e instanceof ObjgraphError) {
        const type = e.pyType === 'KeyError' ? t.KeyError : e.pyType === 'ValueError' ? t.ValueError : t.TypeError;
        throw heap.newException(type, e.pyType === 'KeyError' ? e.message.slice(1, -1) : e.message);
      }
      throw e;
    }
  };

  const def = (name: string, fn: NativeFn) => {
    const f = newBuiltinFunction(heap, name, wrap(fn), 0, 'objgraph');
    dictSetStr(heap, d, name, f);
    heap.decref(f);
  };

  /** A Python callable as a predicate (`if f and not f(x)` — None means absent). */
  const predicate = (f: Ref): Predicate | null => {
    if (isNone(f) || !isTrue(heap, f)) return null;
    return (o) => {
      const r = call(heap, f, [o]);
      try {
        return isTrue(heap, r);
      } finally {
        heap.decref(r);
      }
    };
  };
  /** A file-like Python object as a Writable (`file.write(s)`). */
  const writable = (f: Ref): Writable | null => {
    if (isNone(f)) return null;
    return {
      write(text: string) {
        const s = str(text);
        try {
          heap.decref(callMethod(heap, f, 'write', [s]));
        } finally {
          heap.decref(s);
        }
      },
    };
  };
  /** Items of an iterable (new references; release with `release`). */
  const items = (it: Ref): Ref[] => {
    const out: Ref[] = [];
    const iter = getIter(heap, it);
    try {
      for (;;) {
        const x = iterNext(heap, iter);
        if (x === 0) break;
        out.push(x);
      }
    } catch (e) {
      release(out);
      throw e;
    } finally {
      heap.decref(iter);
    }
    return out;
  };
  const release = (refs: Ref[]) => {
    for (let i = refs.length - 1; i >= 0; i--) heap.decref(refs[i]!);
  };
  const withObjects = <T>(objs: Ref, fn: (objects: Ref[] | null) => T): T => {
    if (isNone(objs)) return fn(null);
    const arr = items(objs);
    try {
      return fn(arr);
    } finally {
      release(arr);
    }
  };
  /** `'.' in typename`: a str, else CPython's TypeError for `in` on a non-container. */
  const asStr = (r: Ref): string => {
    if (heap.kind[r] !== Kind.STR) throw heap.newException(t.TypeError, `argument of type '${heap.typeOf(r).name}' is not iterable`);
    return heap.payload[r] as string;
  };
  /** A Python int (or bool) as a JS number; `None` as null. */
  const intOrNone = (r: Ref, dflt: number | null): number | null => {
    if (r === 0) return dflt;
    if (r === heap.None) return null;
    if (heap.kind[r] === Kind.INT || heap.kind[r] === Kind.BOOL) return Number(heap.payload[r] as number | bigint);
    throw heap.newException(t.TypeError, 'slice indices must be integers or None or have an __index__ method');
  };
  const number = (r: Ref, dflt: number): number => {
    if (r === 0) return dflt;
    const k = heap.kind[r];
    if (k === Kind.INT || k === Kind.BOOL || k === Kind.FLOAT) return Number(heap.payload[r] as number | bigint);
    throw heap.newException(t.TypeError, `'<' not supported between instances of 'int' and '${heap.typeName(r)}'`);
  };
  /** ids from a Python iterable of ints (extra_ignore, address sets). */
  const ids = (r: Ref): number[] => {
    if (isNone(r)) return [];
    const xs = items(r);
    try {
      const out: number[] = [];
      for (const x of xs) {
        const k = heap.kind[x];
        if (k === Kind.INT || k === Kind.BOOL || k === Kind.FLOAT) out.push(Number(heap.payload[x] as number | bigint));
      }
      return out;
    } finally {
      release(xs);
    }
  };
  const listOf = (refs: readonly Ref[]) => newList(heap, refs);

  // ---- statistics ---------------------------------------------------------------------------

  def('count', (_h, _s, args, kw) => {
    const [typename, objects] = bindArgs(heap, 'count', P('typename, objects='), args, kw).values;
    const name = asStr(typename!);
    return newInt(heap, withObjects(objects!, (objs) => og.count(name, objs)));
  });

  const typestatsDict = (objects: Ref, shortnames: Ref, filter: Ref): Ref => {
    const res = withObjects(objects, (objs) => og.typestatsInOrder(objs, truthy(shortnames, true), predicate(filter)));
    const out = newDict(heap);
    for (const n of res.names) {
      const k = str(n);
      const v = newInt(heap, res.counts.get(n)!);
      dictSetItem(heap, out, k, v);
      heap.decref(k);
      heap.decref(v);
    }
    return out;
  };

  def('typestats', (_h, _s, args, kw) => {
    const [objects, shortnames, filter] = bindArgs(heap, 'typestats', P('objects=, shortnames=, filter='), args, kw).values;
    return typestatsDict(objects!, shortnames!, filter!);
  });

  const pairs = (rows: readonly (readonly (string | number)[])[]): Ref =>
    newListSteal(
      heap,
      rows.map((row) => newTupleSteal(heap, row.map((x) => (typeof x === 'string' ? str(x) : newInt(heap, x))))),
    );

  def('most_common_types', (_h, _s, args, kw) => {
    const [limit, objects, shortnames, filter] = bindArgs(heap, 'most_common_types', P('limit=, objects=, shortnames=, filter='), args, kw).values;
    const lim = intOrNone(limit!, 10);
    const rows = withObjects(objects!, (objs) => og.mostCommonTypes({ limit: lim, objects: objs, shortnames: truthy(shortnames!, true), filter: predicate(filter!) }));
    return pairs(rows);
  });

  def('show_most_common_types', (_h, _s, args, kw) => {
    const [limit, objects, shortnames, file, filter] = bindArgs(heap, 'show_most_common_types', P('limit=, objects=, shortnames=, file=, filter='), args, kw).values;
    const lim = intOrNone(limit!, 10);
    withObjects(objects!, (objs) =>
      og.showMostCommonTypes({ limit: lim, objects: objs, shortnames: truthy(shortnames!, true), file: writable(file!), filter: predicate(filter!) }),
    );
    return none();
  });

  /** A Python mapping as `peak_stats`. */
  const peakStats = (r: Ref): PeakStats => ({
    get(name: string) {
      const k = str(name);
      try {
        if (isInst(heap, r, t.dict)) {
          const v = dictGetItem(heap, r, k);
          return v === 0 ? undefined : number(v, 0);
        }
        const zero = newInt(heap, 0);
        try {
          const v = callMethod(heap, r, 'get', [k, zero]);
          try {
            return number(v, 0);
          } finally {
            heap.decref(v);
          }
        } finally {
          heap.decref(zero);
        }
      } finally {
        heap.decref(k);
      }
    },
    set(name: string, count: number) {
      const k = str(name);
      const v = newInt(heap, count);
      try {
        if (isInst(heap, r, t.dict)) dictSetItem(heap, r, k, v);
        else heap.decref(callMethod(heap, r, '__setitem__', [k, v]));
      } finally {
        heap.decref(k);
        heap.decref(v);
      }
    },
  });

  def('growth', (_h, _s, args, kw) => {
    const [limit, peak, shortnames, filter] = bindArgs(heap, 'growth', P('limit=, peak_stats=, shortnames=, filter='), args, kw).values;
    const rows = og.growth({
      limit: intOrNone(limit!, 10),
      peakStats: peak === 0 ? undefined : peakStats(peak!),
      shortnames: truthy(shortnames!, true),
      filter: predicate(filter!),
    });
    return pairs(rows);
  });

  def('show_growth', (_h, _s, args, kw) => {
    const [limit, peak, shortnames, file, filter] = bindArgs(heap, 'show_growth', P('limit=, peak_stats=, shortnames=, file=, filter='), args, kw).values;
    og.showGrowth({
      limit: intOrNone(limit!, 10),
      peakStats: isNone(peak!) ? undefined : peakStats(peak!),
      shortnames: truthy(shortnames!, true),
      file: writable(file!),
      filter: predicate(filter!),
    });
    return none();
  });

  // get_new_ids keeps its state in its `_state={}` default argument (created with the function, at
  // import): three defaultdict(set) — 'old', 'current', 'new' — with one set per type name in each,
  // and returns the same 'new' dict every call. They are heap objects, as in CPython, so they show
  // in later counts (the sets created by one call appear in the next call's 'set' row). The ids of
  // 'old' and 'current' are kept natively; their sets stand in for CPython's (same number, empty).
  const ns = newDict(heap);
  const collectionsName = str('collections');
  dictSetStr(heap, ns, '__module__', collectionsName);
  heap.decref(collectionsName);
  const defaultdictType = newClass(heap, { name: 'defaultdict', bases: [t.dict], namespace: ns });
  heap.decref(ns);
  {
    const td = heap.typeData(defaultdictType);
    const baseGet = td.slots.getitem;
    // __missing__: a new empty set is stored and returned.
    td.slots.getitem = (h, self, key) => {
      const v = dictGetItem(h, self, key);
      if (v !== 0) {
        h.incref(v);
        return v;
      }
      if (baseGet !== undefined && heap.kind[key] !== Kind.STR) return baseGet(h, self, key);
      const s = newSet(h, []);
      dictSetItem(h, self, key, s);
      return s;
    };
    // repr: defaultdict(<class 'set'>, {...}) (2.7: <type 'set'>)
    td.slots.repr = (h, self) => `defaultdict(${builtinRepr(h, h.t.set)}, ${builtinRepr(h, self)})`;
  }
  const newIdsState = newDict(heap);
  let stateDicts: { old: Ref; current: Ref; new: Ref } | null = null;
  const ensureState = (): { old: Ref; current: Ref; new: Ref } => {
    if (stateDicts !== null) return stateDicts;
    const make = (key: string): Ref => {
      const dd = call(heap, defaultdictType, []);
      dictSetStr(heap, newIdsState, key, dd);
      heap.decref(dd);
      return dd;
    };
    stateDicts = { old: make('old'), current: make('current'), new: make('new') };
    dictSetStr(heap, newIdsState, 'shortnames', heap.True);
    return stateDicts;
  };
  /** Make `dd` hold one set per key of `ids` (dropping other keys); fill them with the ids when asked. */
  const syncSets = (dd: Ref, ids: Map<string, Set<number>>, fill: boolean): void => {
    const entries = dictEntries(heap, dd);
    const present = new Map<string, Ref>();
    for (let i = 0; i < entries.length; i += 2) present.set(heap.payload[entries[i]!] as string, entries[i + 1]!);
    for (const [k, v] of present) {
      if (fill) setClear(heap, v);
      if (!ids.has(k)) {
        const key = str(k);
        dictDelItem(heap, dd, key);
        heap.decref(key);
      }
    }
    for (const [k, set] of ids) {
      let s = present.get(k) ?? 0;
      if (s === 0) {
        s = newSet(heap, []);
        const key = str(k);
        dictSetItem(heap, dd, key, s);
        heap.decref(key);
        heap.decref(s);
      }
      if (!fill) continue;
      for (const id of set) {
        const n = newInt(heap, id);
        setAdd(heap, s, n);
        heap.decref(n);
      }
    }
  };

  def('get_new_ids', (_h, _s, args, kw) => {
    const [skip, limit, sortby, shortnames, file] = bindArgs(heap, 'get_new_ids', P('skip_update=, limit=, sortby=, shortnames=, file=, _state='), args, kw).values;
    const state = ensureState();
    if (truthy(skip!, false)) {
      heap.incref(state.new);
      return state.new;
    }
    let sb: string = 'deltas';
    if (sortby !== 0) sb = heap.kind[sortby!] === Kind.STR ? (heap.payload[sortby!] as string) : strOf(heap, sortby!);
    const sn = shortnames === 0 || shortnames === heap.None ? null : isTrue(heap, shortnames!);
    if (sn !== null) dictSetStr(heap, newIdsState, 'shortnames', sn ? heap.True : heap.False);
    const lim = intOrNone(limit!, 10);
    try {
      og.getNewIds({ skipUpdate: false, limit: lim, sortby: sb as 'deltas', shortnames: sn, file: writable(file!) });
    } finally {
      // Same key set in all three dicts (objgraph creates the 'old' and 'new' sets while building
      // its rows, before it sorts and prints them — so also when sortby is bad or printing fails).
      const ids = og.getNewIds({ skipUpdate: true });
      syncSets(state.current, ids, false);
      syncSets(state.old, ids, false);
      syncSets(state.new, ids, true);
    }
    heap.incref(state.new);
    return state.new;
  });

  // ---- locating objects ---------------------------------------------------------------------

  def('get_leaking_objects', (_h, _s, args, kw) => {
    const [objects] = bindArgs(heap, 'get_leaking_objects', P('objects='), args, kw).values;
    if (!isNone(objects!)) {
      // objgraph iterates `objects` twice (ids, then the result): a one-shot iterator is exhausted
      // by the first pass. 3.5.0 (2.7) then fails in its `finally: del objects, i` because the
      // loop variable was never bound.
      const it = getIter(heap, objects!);
      heap.decref(it);
      const oneShot = it === objects;
      const empty = oneShot || withObjects(objects!, (objs) => objs!.length === 0);
      if (is27 && empty) throw heap.newException(t.UnboundLocalError, "local variable 'i' referenced before assignment");
      if (oneShot) {
        // 3.x: the collection runs first, then the first pass drains the iterator.
        og.getLeakingObjects([]);
        withObjects(objects!, () => 0);
        return newList(heap, []);
      }
    }
    return listOf(withObjects(objects!, (objs) => og.getLeakingObjects(objs, { objectsList: isNone(objects!) ? 0 : objects! })));
  });

  def('by_type', (_h, _s, args, kw) => {
    const [typename, objects] = bindArgs(heap, 'by_type', P('typename, objects='), args, kw).values;
    const name = asStr(typename!);
    return listOf(withObjects(objects!, (objs) => og.byType(name, objs)));
  });

  def('at', (_h, _s, args, kw) => {
    const [addr] = bindArgs(heap, 'at', P('addr'), args, kw).values;
    const k = heap.kind[addr!];
    if (k !== Kind.INT && k !== Kind.FLOAT && k !== Kind.BOOL) return none();
    const r = og.at(Number(heap.payload[addr!] as number | bigint));
    if (r === 0) return none();
    heap.incref(r);
    return r;
  });

  def('at_addrs', (_h, _s, args, kw) => {
    const [set] = bindArgs(heap, 'at_addrs', P('address_set'), args, kw).values;
    // objgraph tests `id(o) in address_set` for every tracked object.
    if (heap.kind[set!] === Kind.STR) throw heap.newException(t.TypeError, "'in <string>' requires string as left operand, not int");
    if (set === heap.None) throw heap.newException(t.TypeError, "argument of type 'NoneType' is not iterable");
    let addrs: number[];
    try {
      addrs = ids(set!);
    } catch (e) {
      if (heap.isExceptionOf(e, t.TypeError) && / object is not iterable$/.test(e.message)) {
        heap.decref(e.exc);
        throw heap.newException(t.TypeError, `argument of type '${heap.typeName(set!)}' is not iterable`);
      }
      throw e;
    }
    return listOf(og.atAddrs(addrs));
  });

  def('is_proper_module', (_h, _s, args, kw) => {
    const [obj] = bindArgs(heap, 'is_proper_module', P('obj'), args, kw).values;
    return newBool(heap, og.isProperModule(obj!));
  });

  // ---- chains -------------------------------------------------------------------------------

  /** A Python callable called on every object (`predicate(target)`, no truth test of the callable itself). */
  const direct = (f: Ref): Predicate => (o) => {
    const r = call(heap, f, [o]);
    try {
      return isTrue(heap, r);
    } finally {
      heap.decref(r);
    }
  };
  /** `gc.get_referents` / `gc.get_referrers` as an edge function run natively; other callables are called. */
  const gcFunction = (f: Ref): 'referents' | 'referrers' | null => {
    const gcMod = heap.sysModules === 0 ? 0 : dictGetItemStr(heap, heap.sysModules, 'gc');
    if (gcMod === 0) return null;
    for (const name of ['get_referents', 'get_referrers'] as const) {
      const g = getAttrOrNull(heap, gcMod, name);
      if (g === 0) continue;
      heap.decref(g);
      if (g === f) return name === 'get_referents' ? 'referents' : 'referrers';
    }
    return null;
  };
  /** `edge_func(obj)` of a Python callable: the items of what it returns, as new references. */
  const pyEdges = (f: Ref): ChainEdges => (o) => {
    const r = call(heap, f, [o]);
    try {
      return items(r);
    } finally {
      heap.decref(r);
    }
  };
  const chainSearch = (obj: Ref, pred: Ref, edges: boolean | ChainEdges, maxDepth: Ref, extraIgnore: Ref): Ref[] => {
    const ignore = ids(extraIgnore);
    if (extraIgnore !== 0) ignore.push(heap.addressOf(extraIgnore));
    return og.findChainWithIgnore(obj, nativeModulePredicate(pred) ?? direct(pred), edges, { maxDepth: number(maxDepth, 20) }, ignore);
  };
  const findChain = (name: string, forward: boolean): NativeFn => (_h, _s, args, kw) => {
    const [obj, pred, maxDepth, extraIgnore] = bindArgs(heap, name, P('obj, predicate, max_depth=, extra_ignore='), args, kw).values;
    return listOf(chainSearch(obj!, pred!, forward, maxDepth!, extraIgnore!));
  };
  /** `objgraph.is_proper_module` passed as the predicate: run it natively. */
  let isProperModuleFn: Ref = 0;
  const nativeModulePredicate = (pred: Ref): Predicate | null => (pred === isProperModuleFn ? (o) => og.isProperModule(o) : null);
  def('find_ref_chain', findChain('find_ref_chain', true));
  def('find_backref_chain', findChain('find_backref_chain', false));
  isProperModuleFn = dictGetItemStr(heap, d, 'is_proper_module');

  // ---- graphs -------------------------------------------------------------------------------

  const SHOW_PARAMS = P('objs, max_depth=, extra_ignore=, filter=, too_many=, highlight=, filename=, extra_info=, refcounts=, shortnames=, output=, extra_node_attrs=');

  /** Python keyword values of show_refs/show_backrefs as ShowGraphOptions, plus ids to ignore. */
  const showOptions = (v: Ref[]): { opts: ShowGraphOptions; ignore: number[] } => {
    const [, maxDepth, extraIgnore, filter, tooMany, highlight, filename, extraInfo, refcounts, shortnames, output, extraNodeAttrs] = v;
    const ignore = ids(extraIgnore!);
    if (extraIgnore !== 0) ignore.push(heap.addressOf(extraIgnore!));
    let fname: string | null = null;
    if (!isNone(filename!) && isTrue(heap, filename!)) fname = heap.kind[filename!] === Kind.STR ? (heap.payload[filename!] as string) : strOf(heap, filename!);
    const out = !isNone(output!) && isTrue(heap, output!) ? writable(output!) : null;
    const info = !isNone(extraInfo!) && isTrue(heap, extraInfo!) ? extraInfo! : 0;
    const attrs = isNone(extraNodeAttrs!) ? 0 : extraNodeAttrs!;
    const opts: ShowGraphOptions = {
      maxDepth: number(maxDepth!, 3),
      filter: predicate(filter!),
      tooMany: number(tooMany!, 10),
      highlight: predicate(highlight!),
      filename: fname,
      refcounts: truthy(refcounts!, false),
      shortnames: truthy(shortnames!, true),
      output: out,
      extraInfo:
        info === 0
          ? null
          : (o) => {
              const r = call(heap, info, [o]);
              try {
                return strOf(heap, r);
              } finally {
                heap.decref(r);
              }
            },
      extraNodeAttrs: attrs === 0 ? null : (o) => nodeAttrs(attrs, o),
    };
    return { opts, ignore };
  };

  /** `extra_node_attrs(obj)`: a dict of attribute name to str (None values skipped). */
  const nodeAttrs = (fn: Ref, o: Ref): Record<string, string | null> => {
    const res = call(heap, fn, [o]);
    try {
      const out: Record<string, string | null> = {};
      const entries = dictEntries(heap, res);
      for (let i = 0; i < entries.length; i += 2) {
        const k = strOf(heap, entries[i]!);
        const v = entries[i + 1]!;
        if (v === heap.None) out[k] = null;
        else if (heap.kind[v] === Kind.STR) out[k] = heap.payload[v] as string;
        else throw heap.newException(t.AttributeError, `'${heap.typeName(v)}' object has no attribute 'replace'`);
      }
      return out;
    } finally {
      heap.decref(res);
    }
  };

  /** The objects argument: a list/tuple (ignored itself), or one object objgraph wraps. */
  const rootsOf = (objs: Ref): { roots: Ref[]; shape: CallShape; ignore: number[] } => {
    if (isInst(heap, objs, t.list) || isInst(heap, objs, t.tuple)) {
      return { roots: [...(heap.payload[objs] as Ref[])], shape: { argHolds: new Map(), wrappedSingle: 0, chainRoots: false }, ignore: [heap.addressOf(objs)] };
    }
    return { roots: [objs], shape: { argHolds: new Map(), wrappedSingle: objs, chainRoots: false }, ignore: [] };
  };

  const showFn = (name: string, backrefs: boolean): NativeFn => (_h, _s, args, kw) => {
    const v = bindArgs(heap, name, SHOW_PARAMS, args, kw).values;
    const { opts, ignore } = showOptions(v);
    const { roots, shape, ignore: ignore2 } = rootsOf(v[0]!);
    og.showGraph(roots, backrefs ? 'referrers' : 'referents', !backrefs, opts, shape, backrefs ? (o) => og.isProperModule(o) : null, [...ignore, ...ignore2]);
    return none();
  };
  def('show_backrefs', showFn('show_backrefs', true));
  def('show_refs', showFn('show_refs', false));

  def('show_chain', (_h, _s, args, kw) => {
    const nkw = kw?.length ?? 0;
    const chainArgs = args.slice(0, args.length - nkw);
    let backrefs = true;
    const kwNames: string[] = [];
    const kwValues: Ref[] = [];
    for (let i = 0; i < nkw; i++) {
      const n = kw![i]!;
      const val = args[args.length - nkw + i]!;
      if (n === 'backrefs') backrefs = isTrue(heap, val);
      else {
        kwNames.push(n);
        kwValues.push(val);
      }
    }
    const target = backrefs ? 'show_backrefs' : 'show_refs';
    // The chains (Python sequences) as arrays; empty ones are dropped by objgraph.
    const chains: Ref[][] = [];
    const held: Ref[] = [];
    try {
      for (const c of chainArgs) {
        if (!isTrue(heap, c)) continue;
        const xs = items(c);
        held.push(...xs);
        chains.push(xs);
      }
      if (chains.length === 0) throw new ObjgraphError('ValueError', is27 ? 'max() arg is an empty sequence' : 'max() iterable argument is empty');
      // max_depth and filter are computed first, then passed with **kw to show_backrefs/show_refs.
      for (const n of ['max_depth', 'filter']) {
        if (kwNames.includes(n)) throw heap.newException(t.TypeError, is27 ? `${target}() got multiple values for keyword argument '${n}'` : `objgraph.${target}() got multiple values for keyword argument '${n}'`);
      }
      const v = bindArgs(heap, target, SHOW_PARAMS, [heap.None, ...kwValues], kwNames).values;
      const { opts, ignore } = showOptions(v);
      const holds = new Map<Ref, number>();
      // items() holds one reference per element; the chain lists themselves already count.
      for (const r of held) holds.set(r, (holds.get(r) ?? 0) - 1);
      og.showChainCore(chains, { ...opts, backrefs, extraIgnore: [...(opts.extraIgnore ?? []), ...ignore] }, holds);
    } finally {
      release(held);
    }
    return none();
  });

  // ---- objgraph's private helpers that scripts and objgraph's own tests call ------------------

  def('_find_chain', (_h, _s, args, kw) => {
    const [obj, pred, edgeFunc, maxDepth, extraIgnore] = bindArgs(heap, '_find_chain', P('obj, predicate, edge_func, max_depth=, extra_ignore='), args, kw).values;
    const native = gcFunction(edgeFunc!);
    const chain = chainSearch(obj!, pred!, native === null ? pyEdges(edgeFunc!) : native === 'referents', maxDepth!, extraIgnore!);
    // _find_chain lists the chain from the found object back to `obj` whatever the direction
    // (find_ref_chain reverses it; the native forward search already did).
    return listOf(native === 'referents' ? chain.reverse() : chain);
  });

  def('_show_graph', (_h, _s, args, kw) => {
    const [objs, edgeFunc, swap, maxDepth, extraIgnore, filter, tooMany, highlight, filename, extraInfo, refcounts, shortnames, output, cullFunc, extraNodeAttrs] = bindArgs(
      heap,
      '_show_graph',
      P('objs, edge_func, swap_source_target, max_depth=, extra_ignore=, filter=, too_many=, highlight=, filename=, extra_info=, refcounts=, shortnames=, output=, cull_func=, extra_node_attrs='),
      args,
      kw,
    ).values;
    const { opts, ignore } = showOptions([objs!, maxDepth!, extraIgnore!, filter!, tooMany!, highlight!, filename!, extraInfo!, refcounts!, shortnames!, output!, extraNodeAttrs!]);
    const { roots, shape, ignore: ignore2 } = rootsOf(objs!);
    const native = gcFunction(edgeFunc!);
    const edges = native ?? pyEdges(edgeFunc!);
    const cull = isNone(cullFunc!) ? null : direct(cullFunc!);
    og.showGraph(roots, edges, isTrue(heap, swap!), { ...opts, edgesReturnNewRefs: native === null }, shape, cull, [...ignore, ...ignore2]);
    return none();
  });

  def('_present_graph', (_h, _s, args, kw) => {
    const [dotFilename, filename] = bindArgs(heap, '_present_graph', P('dot_filename, filename='), args, kw).values;
    const dotName = strOf(heap, dotFilename!);
    const fname = isNone(filename!) ? null : strOf(heap, filename!);
    if (fname !== dotName) og.presentGraph(dotName, fname, io.readFile?.(dotName) ?? '');
    return none();
  });
  if (is27) {
    // tempfile.mkstemp's name for the 2.7 drawing functions, which run as Python
    // (@heaplab/python takes it out of the module's namespace).
    def('_temp_dot_name', () => str(og.tempDotName()));
  }

  def('_obj_label', (_h, _s, args, kw) => {
    const [obj, extraInfo, refcounts, shortnames] = bindArgs(heap, '_obj_label', P('obj, extra_info=, refcounts=, shortnames='), args, kw).values;
    const parts = [typename(heap, obj!, truthy(shortnames!, true))];
    if (truthy(refcounts!, false)) {
      // sys.getrefcount(obj) - 4 inside objgraph's _obj_label: the caller's references, plus the
      // frame's argument, getrefcount's argument and (2.7) the caller's stack slot. Here the
      // native call's argument is already in heap.refcount.
      const immortal = heap.profile.immortalObjects && (heap.flags[obj!]! & Flag.IMMORTAL) !== 0;
      parts[0] += ` [${immortal ? heap.profile.immortalRefcount - 4 : heap.refcount(obj!) + (is27 ? -2 : -3)}]`;
    }
    parts.push(safeRepr(heap, obj!));
    if (!isNone(extraInfo!) && isTrue(heap, extraInfo!)) {
      const r = call(heap, extraInfo!, [obj!]);
      try {
        parts.push(strOf(heap, r));
      } finally {
        heap.decref(r);
      }
    }
    return strResult(quote(parts.join('\n')));
  });

  def('_obj_attrs', (_h, _s, args, kw) => {
    const [obj, fn] = bindArgs(heap, '_obj_attrs', P('obj, extra_node_attrs'), args, kw).values;
    if (fn === heap.None) return strResult('');
    const attrs = nodeAttrs(fn!, obj!);
    const keys = Object.keys(attrs).sort(codePointCompare);
    return strResult(`, ${keys
      .filter((k) => attrs[k] !== null)
      .map((k) => `${k}="${quote(attrs[k]!)}"`)
      .join(', ')}`);
  });

  const strResult = (text: string) => str(text);
  def('_obj_node_id', (_h, _s, args, kw) => {
    const [obj] = bindArgs(heap, '_obj_node_id', P('obj'), args, kw).values;
    return strResult(nodeId(heap, obj!));
  });
  def('_short_typename', (_h, _s, args, kw) => {
    const [obj] = bindArgs(heap, '_short_typename', P('obj'), args, kw).values;
    return strResult(shortTypename(heap, obj!));
  });
  def('_long_typename', (_h, _s, args, kw) => {
    const [obj] = bindArgs(heap, '_long_typename', P('obj'), args, kw).values;
    return strResult(longTypename(heap, obj!));
  });
  def('_short_repr', (_h, _s, args, kw) => {
    const [obj] = bindArgs(heap, '_short_repr', P('obj'), args, kw).values;
    return strResult(shortRepr(heap, obj!));
  });
  def('_safe_repr', (_h, _s, args, kw) => {
    const [obj] = bindArgs(heap, '_safe_repr', P('obj'), args, kw).values;
    return strResult(safeRepr(heap, obj!));
  });
  def('_quote', (_h, _s, args, kw) => {
    const [s0] = bindArgs(heap, '_quote', P('s'), args, kw).values;
    if (heap.kind[s0!] !== Kind.STR) throw heap.newException(t.AttributeError, `'${heap.typeOf(s0!).name}' object has no attribute 'replace'`);
    return strResult(quote(heap.payload[s0!] as string));
  });
  def('_edge_label', (_h, _s, args, kw) => {
    const [source, target, shortnames] = bindArgs(heap, '_edge_label', P('source, target, shortnames='), args, kw).values;
    return strResult(edgeLabel(heap, source!, target!, truthy(shortnames!, true)));
  });
  def('_gradient', (_h, _s, args, kw) => {
    const [start, end, depth, maxDepth] = bindArgs(heap, '_gradient', P('start_color, end_color, depth, max_depth'), args, kw).values;
    const md = number(maxDepth!, 0);
    // max_depth == 0: start_color itself is returned
    if (md === 0) {
      heap.incref(start!);
      return start!;
    }
    const triple = (r: Ref) => {
      const xs = items(r);
      try {
        return xs.map((x) => number(x, 0));
      } finally {
        release(xs);
      }
    };
    const g = gradient(triple(start!) as [number, number, number], triple(end!) as [number, number, number], number(depth!, 0), md);
    return newTupleSteal(heap, g.map((x) => heap.alloc(t.float, Kind.FLOAT, x)));
  });

  // ---- module attributes ----------------------------------------------------------------------

  const consts: [string, string][] = [
    ['__version__', is27 ? '3.5.0' : '3.7.0.dev0'],
    ['__date__', is27 ? '2020-10-11' : '2024-10-10'],
    ['__author__', 'Marius Gedminas (marius@gedmin.as)'],
    ['__copyright__', is27 ? 'Copyright (c) 2008-2017 Marius Gedminas and contributors' : 'Copyright (c) 2008-2023 Marius Gedminas and contributors'],
    ['__license__', 'MIT'],
  ];
  for (const [k, v] of consts) {
    const s = str(v);
    dictSetStr(heap, d, k, s);
    heap.decref(s);
  }
  dictSetStr(heap, d, 'IS_INTERACTIVE', heap.False);
  return m;
}

function dictGetItemStr(heap: Heap, d: Ref, name: string): Ref {
  const k = newStr(heap, name);
  try {
    return dictGetItem(heap, d, k);
  } finally {
    heap.decref(k);
  }
}
