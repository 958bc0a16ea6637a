/**
 * objgraph 3.x over a HeapLab heap: the same functions, arguments, printed output and DOT text
 * as objgraph on CPython (3.5.0 semantics on the 2.7 profile, 3.7 on 3.12), with indexed queries:
 * counts walk the typed generation lists once, backreference searches build the reverse edges in
 * one pass instead of calling `gc.get_referrers` for every visited node.
 */
import {
  type Handle,
  type Heap,
  Flag,
  ListHead,
  type Ref,
  dictGetItem,
  getAttrOrNull,
  referents,
} from '@heaplab/heap';
import { type GcModule, trackedOrder } from '@heaplab/gc';
import { codePointCompare, edgeLabel, hasDelMarker, isModule, safeRepr } from './labels.js';
import { nameTypeOf, typeLongName, typeShortName, typename } from './names.js';
import { formatPercentG, padLeft, padRight, pyDictOrder, pyLen, pySliceTo, quote, signed } from './pyutil.js';
import { isRenderFormat, renderDotSync } from './render.js';

const GEN_HEADS = [ListHead.GEN0, ListHead.GEN1, ListHead.GEN2] as const;

/** An object argument: a ref, or a handle holding one. */
export type ObjRef = Ref | Handle;
/** A predicate over objects (`filter`, `highlight`, `predicate`, `cull_func`). */
export type Predicate = (obj: Ref) => boolean;
/** Anything with a `write` method (objgraph's `file` / `output` arguments). */
export interface Writable {
  write(text: string): void;
}

/** Where objgraph writes files and how it shows graphs. */
export interface ObjgraphIO {
  /** Write a file (DOT text, SVG text or PNG bytes). */
  writeFile(path: string, data: string | Uint8Array): void;
  /** Show a `.dot` file to the user: objgraph's xdot. When absent, objgraph renders a PNG instead. */
  openViewer?(dotPath: string): void;
  /** Folder for `objgraph-XXXXXXXX.dot` temporary files (`tempfile.gettempdir()`); default `/tmp`. */
  tempDir?: string;
}

/** Options of `new Objgraph()`. */
export interface ObjgraphOptions {
  /** File output; defaults to Node's `fs` when available. */
  io?: ObjgraphIO;
}

/** Options shared by `showRefs`, `showBackrefs` and `showChain`. */
export interface ShowGraphOptions {
  /** Depth of the graph (default 3). */
  maxDepth?: number;
  /** Ids (`heap.addressOf(ref)`) of objects to leave out. */
  extraIgnore?: Iterable<number>;
  /** Only objects for which it returns true are drawn. */
  filter?: Predicate | null;
  /** Edges drawn per node before the "N more references" node (default 10). */
  tooMany?: number;
  /** Nodes for which it returns true are filled blue. */
  highlight?: Predicate | null;
  /** `.dot` writes DOT; `.svg`, `.png` (and other Graphviz formats) render an image. */
  filename?: string | null;
  /** A third label line per node. */
  extraInfo?: ((obj: Ref) => string) | null;
  /** Show reference counts in labels. */
  refcounts?: boolean;
  /** Short type names (default true) or module-qualified ones. */
  shortnames?: boolean;
  /** Write the DOT text here (one `write` per line, as objgraph does) instead of a file. */
  output?: Writable | null;
  /** Extra Graphviz node attributes; `null`/`undefined` values are skipped. */
  extraNodeAttrs?: ((obj: Ref) => Record<string, string | null | undefined>) | null;
  /** Run `gc.collect()` first, as objgraph does (default true). */
  collect?: boolean;
  /** A function `edges` argument of `showGraph` returns new references (released after its node is expanded). */
  edgesReturnNewRefs?: boolean;
}

/** What a `show*` call produced. */
export interface ShowGraphResult {
  /** The DOT text. */
  dot: string;
  /** Number of object nodes drawn. */
  nodes: number;
  /** Where the DOT text was written (null with `output`). */
  dotFilename: string | null;
  /** The rendered image, if one was generated. */
  imageFilename: string | null;
}

/** Options of the chain searches. */
export interface FindChainOptions {
  /** Give up beyond this depth (default 20). */
  maxDepth?: number;
  /** Ids of objects not to pass through. */
  extraIgnore?: Iterable<number>;
  /** Run `gc.collect()` first (default true). */
  collect?: boolean;
}

/**
 * A custom edge function for the chain search (objgraph's private `_find_chain(obj, predicate,
 * edge_func)`): the neighbours of a node as *new* references, which the search releases once it
 * has queued the ones it keeps.
 */
export type ChainEdges = (obj: Ref) => Ref[];

/** How the objects of a show_* call were passed, for `refcounts=True` labels (see `labelRefcount`). */
export interface CallShape {
  /** References the caller's argument values hold that the heap does not (a TS array standing for a Python list). */
  argHolds: Map<Ref, number>;
  /** A single object passed instead of a list: objgraph wraps it (and its frames hold it). */
  wrappedSingle: Ref;
  /** show_chain built the root list itself. */
  chainRoots: boolean;
}

/** `edge_func` of objgraph's `_show_graph`: the neighbours of a node. */
export type EdgeFunc = 'referents' | 'referrers' | ((obj: Ref) => readonly Ref[]);

function refOf(o: ObjRef): Ref {
  return typeof o === 'number' ? o : o.ref;
}

function defaultIO(): ObjgraphIO {
  const p = (globalThis as { process?: { getBuiltinModule?: (n: string) => unknown; env?: Record<string, string | undefined> } }).process;
  const fs = typeof p?.getBuiltinModule === 'function' ? (p.getBuiltinModule('node:fs') as { writeFileSync(p: string, d: string | Uint8Array): void }) : null;
  return {
    writeFile(path, data) {
      if (fs === null) throw new Error(`objgraph: no file system to write ${path} (pass an ObjgraphIO)`);
      fs.writeFileSync(path, data);
    },
    tempDir: p?.env?.TMPDIR || '/tmp',
  };
}

const TMP_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789_';

/**
 * An error objgraph raises as a Python exception (ValueError, TypeError, KeyError); the Python
 * module turns it into that exception, TS callers see it with `pyType` and the same message.
 *
 * @example
 * ```ts
 * try { og.showRefs([x], { filename: 'x.dot', output: process.stdout }); }
 * catch (e) { (e as ObjgraphError).pyType; } // 'ValueError'
 * ```
 */
export class ObjgraphError extends Error {
  constructor(
    readonly pyType: 'ValueError' | 'TypeError' | 'KeyError',
    message: string,
  ) {
    super(message);
    this.name = pyType;
  }
}

/**
 * objgraph for one heap.
 *
 * @example
 * ```ts
 * import { Heap, newClass, newDict, newStr, dictSetStr, call, newList, listAppend } from '@heaplab/heap';
 * import { attachCollector } from '@heaplab/gc';
 * import { Objgraph } from '@heaplab/objgraph';
 * const heap = new Heap({ version: '3.12' });
 * const gc = attachCollector(heap);
 * const og = new Objgraph(heap, gc);
 * const ns = newDict(heap);
 * dictSetStr(heap, ns, '__module__', newStr(heap, '__main__'));
 * const OBJ = newClass(heap, { name: 'OBJ', bases: [], namespace: ns });
 * const cache = newList(heap, []);
 * listAppend(heap, cache, call(heap, OBJ, []));
 * og.count('OBJ'); // 1
 * ```
 */
export class Objgraph {
  readonly heap: Heap;
  readonly gc: GcModule;
  io: ObjgraphIO;
  /** `growth()`'s default `peak_stats={}` (shared by `showGrowth` without `peakStats`). */
  readonly peakStats = new Map<string, number>();
  /** `get_new_ids`'s `_state`. */
  private newIdsState: {
    old: Map<string, Set<number>>;
    current: Map<string, Set<number>>;
    new: Map<string, Set<number>>;
    shortnames: boolean;
  } | null = null;
  /** Per-type scratch counters indexed by type ref (reset after each use). */
  private typeCounts = new Int32Array(0);

  constructor(heap: Heap, gc: GcModule, options: ObjgraphOptions = {}) {
    this.heap = heap;
    this.gc = gc;
    this.io = options.io ?? defaultIO();
  }

  /**
   * `sys.stdout` as objgraph sees it at call time (where `print` and `file=None` go). Defaults to
   * the heap's stdout hook; the Python module resolves the program's current `sys.stdout`.
   */
  stdout: () => Writable = () => {
    const heap = this.heap;
    return { write: (t: string) => heap.hooks.writeStdout(t) };
  };

  /** Python's `print(text)`: the text, then the newline, as two writes. */
  private print(text: string): void {
    const out = this.stdout();
    out.write(text);
    out.write('\n');
  }

  private collect(enabled: boolean | undefined): void {
    if (enabled !== false) this.gc.collect(2);
  }

  // ==========================================================================================
  // Iteration in gc.get_objects() order
  // ==========================================================================================

  /**
   * `gc.get_objects()`: gen0, gen1, gen2 (borrowed refs) — the order every objgraph query uses.
   *
   * @example
   * ```ts
   * og.gcObjects().length; // number of tracked objects
   * ```
   */
  gcObjects(): Ref[] {
    return this.gc.getObjects();
  }

  /**
   * Run `fn` over `objects`, or over `gc.get_objects()`. When callbacks may run Python code the
   * tracked objects are first snapshotted and held (as objgraph's `objects` list holds them), and
   * released last to first afterwards, as CPython's list deallocation does.
   */
  private withObjects<T>(objects: Iterable<ObjRef> | null | undefined, hold: boolean, fn: (objs: readonly Ref[]) => T): T {
    if (objects !== null && objects !== undefined) {
      const arr: Ref[] = [];
      for (const o of objects) arr.push(refOf(o));
      return fn(arr);
    }
    const arr = this.gcObjects();
    if (!hold) return fn(arr);
    const heap = this.heap;
    for (const r of arr) heap.incref(r);
    try {
      return fn(arr);
    } finally {
      for (let i = arr.length - 1; i >= 0; i--) heap.decref(arr[i]!);
    }
  }

  private scratchCounts(): Int32Array {
    if (this.typeCounts.length < this.heap.capacity) this.typeCounts = new Int32Array(this.heap.capacity);
    return this.typeCounts;
  }

  /** Counts per naming type over the tracked objects: (types in first-seen order, counts). */
  private countTrackedByType(): { types: Ref[]; counts: number[] } {
    const heap = this.heap;
    const counts = this.scratchCounts();
    const types: Ref[] = [];
    const tracked = trackedOrder(heap);
    const typeOf = tracked.types();
    const order = tracked.current();
    const classic = heap.t.instance;
    const payload = heap.payload;
    // Objects made together sit together in the lists, so types come in runs: a run is added to
    // its counter when it ends, keeping the counter's load and store out of the per-object path
    // (measured: a third faster than one increment per object).
    let runType = -1;
    let run = 0;
    for (let i = 0, n = typeOf.length; i < n; i++) {
      // A 2.7 classic instance is named after its class, not its type (`instance`).
      const t = typeOf[i] === classic ? (payload[order[i]!] as Ref[])[0]! : typeOf[i]!;
      if (t === runType) {
        run++;
        continue;
      }
      if (run > 0) {
        if (counts[runType] === 0) types.push(runType);
        counts[runType]! += run;
      }
      runType = t;
      run = 1;
    }
    if (run > 0) {
      if (counts[runType] === 0) types.push(runType);
      counts[runType]! += run;
    }
    const out = types.map((t) => counts[t]!);
    for (const t of types) counts[t] = 0;
    return { types, counts: out };
  }

  /** Type name per naming type (memoized for one call). */
  private namer(shortnames: boolean): (t: Ref) => string {
    const memo = new Map<Ref, string>();
    const heap = this.heap;
    return (t) => {
      let n = memo.get(t);
      if (n === undefined) {
        n = shortnames ? typeShortName(heap, t) : typeLongName(heap, t);
        memo.set(t, n);
      }
      return n;
    };
  }

  // ==========================================================================================
  // Statistics
  // ==========================================================================================

  /**
   * `objgraph.count(typename, objects=None)`: how many tracked objects (or of `objects`) have
   * this type name; a dotted name is matched against module-qualified names.
   *
   * @example
   * ```ts
   * og.count('dict');                 // every tracked dict
   * og.count('__main__.OBJ');         // fully qualified
   * og.count('OBJ', og.getLeakingObjects());
   * ```
   */
  count(typeName: string, objects?: Iterable<ObjRef> | null): number {
    const long = typeName.includes('.');
    const name = this.namer(!long);
    if (objects === null || objects === undefined) return this.withTypeMatcher(name, typeName, (memo, matches) => this.countTrackedOfType(memo, matches));
    let n = 0;
    for (const o of objects) if (name(nameTypeOf(this.heap, refOf(o))) === typeName) n++;
    return n;
  }

  /**
   * `objgraph.typestats(objects=None, shortnames=True, filter=None)`: a map from type name to
   * count, iterated in the order of the dict objgraph returns (first-seen order in 3.x, CPython
   * 2.7's hash-table order on the 2.7 profile).
   *
   * @example
   * ```ts
   * const stats = og.typestats({ shortnames: false });
   * stats.get('__main__.OBJ'); // 1
   * ```
   */
  typestats(options: { objects?: Iterable<ObjRef> | null; shortnames?: boolean; filter?: Predicate | null } = {}): Map<string, number> {
    const { names, counts } = this.typestatsInOrder(options.objects, options.shortnames ?? true, options.filter ?? null);
    const out = new Map<string, number>();
    for (const n of pyDictOrder(this.heap, names)) out.set(n, counts.get(n)!);
    return out;
  }

  /**
   * typestats as names in first-seen order (the order objgraph's dict is filled in; the Python
   * module builds its dict from it) and counts.
   *
   * @example
   * ```ts
   * const { names, counts } = og.typestatsInOrder(null, true, null);
   * counts.get(names[0]);
   * ```
   */
  typestatsInOrder(objects: Iterable<ObjRef> | null | undefined, shortnames: boolean, filter: Predicate | null): { names: string[]; counts: Map<string, number> } {
    const name = this.namer(shortnames);
    const counts = new Map<string, number>();
    const names: string[] = [];
    const add = (n: string, k: number) => {
      const c = counts.get(n);
      if (c === undefined) {
        counts.set(n, k);
        names.push(n);
      } else counts.set(n, c + k);
    };
    if ((objects === null || objects === undefined) && filter === null) {
      const { types, counts: per } = this.countTrackedByType();
      for (let i = 0; i < types.length; i++) add(name(types[i]!), per[i]!);
      return { names, counts };
    }
    this.withObjects(objects, filter !== null, (objs) => {
      for (const o of objs) {
        if (filter !== null && !filter(o)) continue;
        add(name(nameTypeOf(this.heap, o)), 1);
      }
    });
    return { names, counts };
  }

  /**
   * `objgraph.most_common_types(limit=10, objects=None, shortnames=True, filter=None)`:
   * `[name, count]` pairs, most frequent first (ties in typestats order); `limit: null` or 0 for all.
   *
   * @example
   * ```ts
   * og.mostCommonTypes({ limit: 2 }); // e.g. [['function', 1329], ['dict', 790]]
   * ```
   */
  mostCommonTypes(options: { limit?: number | null; objects?: Iterable<ObjRef> | null; shortnames?: boolean; filter?: Predicate | null } = {}): [string, number][] {
    const stats = [...this.typestats(options).entries()];
    const sorted = stableSortDesc(stats, (e) => e[1]);
    const limit = options.limit === undefined ? 10 : options.limit;
    return limit ? pySliceTo(sorted, limit) : sorted;
  }

  /**
   * `objgraph.show_most_common_types(limit=10, objects=None, shortnames=True, file=None,
   * filter=None)`: prints `name count` lines, names padded to the longest.
   *
   * @example
   * ```ts
   * og.showMostCommonTypes({ limit: 3 });
   * // function                   1329
   * // dict                       790
   * // builtin_function_or_method 658
   * ```
   */
  showMostCommonTypes(
    options: { limit?: number | null; objects?: Iterable<ObjRef> | null; shortnames?: boolean; file?: Writable | null; filter?: Predicate | null } = {},
  ): void {
    const file = options.file ?? this.stdout();
    const stats = this.mostCommonTypes(options);
    if (stats.length === 0) throw new ObjgraphError('ValueError', this.heap.profile.version === '2.7' ? 'max() arg is an empty sequence' : 'max() iterable argument is empty');
    const width = Math.max(...stats.map(([n]) => pyLen(n)));
    for (const [n, c] of stats) file.write(`${padRight(n, width)} ${c}\n`);
  }

  /**
   * `objgraph.growth(limit=10, peak_stats={}, shortnames=True, filter=None)`: runs a full
   * collection, then returns `[name, total, delta]` for the types whose count rose above their
   * previous peak (updating the peaks), largest delta first.
   *
   * @example
   * ```ts
   * og.growth();                 // remember the current peaks
   * // ... run the code suspected of leaking ...
   * og.growth({ limit: 3 });     // e.g. [['OBJ', 1, 1]]
   * ```
   */
  growth(
    options: { limit?: number | null; peakStats?: PeakStats; shortnames?: boolean; filter?: Predicate | null; collect?: boolean } = {},
  ): [string, number, number][] {
    this.collect(options.collect);
    const peak: PeakStats = options.peakStats ?? this.peakStats;
    const { names, counts } = this.typestatsInOrder(null, options.shortnames ?? true, options.filter ?? null);
    const deltaNames: string[] = [];
    const deltas = new Map<string, number>();
    for (const n of pyDictOrder(this.heap, names)) {
      const count = counts.get(n)!;
      const old = peak.get(n) ?? 0;
      if (count > old) {
        deltas.set(n, count - old);
        deltaNames.push(n);
        peak.set(n, count);
      }
    }
    const ordered = pyDictOrder(this.heap, deltaNames).map((n) => [n, deltas.get(n)!] as [string, number]);
    let sorted = stableSortDesc(ordered, (e) => e[1]);
    const limit = options.limit === undefined ? 10 : options.limit;
    if (limit) sorted = pySliceTo(sorted, limit);
    return sorted.map(([n, d]) => [n, counts.get(n)!, d]);
  }

  /**
   * `objgraph.show_growth(limit=10, peak_stats=None, shortnames=True, file=None, filter=None)`:
   * prints what `growth` returns as `name  total  +delta` columns (nothing if nothing grew).
   *
   * @example
   * ```ts
   * og.showGrowth();
   * // ... leak ...
   * og.showGrowth();
   * // OBJ        1        +1
   * ```
   */
  showGrowth(
    options: { limit?: number | null; peakStats?: PeakStats | null; shortnames?: boolean; file?: Writable | null; filter?: Predicate | null; collect?: boolean } = {},
  ): void {
    const result = this.growth({ ...options, peakStats: options.peakStats ?? undefined });
    if (result.length === 0) return;
    const file = options.file ?? this.stdout();
    const width = Math.max(...result.map(([n]) => pyLen(n)));
    for (const [n, c, d] of result) file.write(`${padRight(n, width)}${padLeft(String(c), 9)} ${padLeft(signed(d), 9)}\n`);
  }

  /**
   * `objgraph.get_new_ids(skip_update=False, limit=10, sortby='deltas', shortnames=None,
   * file=None)`: ids of objects created since the previous call, per type name, and a table of
   * old/current/new counts (printed unless `limit` is 0). Returns the same map object every call.
   *
   * @example
   * ```ts
   * og.getNewIds({ limit: 0 });
   * // ... allocate ...
   * const ids = og.getNewIds({ limit: 0 });
   * og.atAddrs(ids.get('list') ?? []);
   * ```
   */
  getNewIds(
    options: { skipUpdate?: boolean; limit?: number | null; sortby?: 'old' | 'current' | 'new' | 'deltas'; shortnames?: boolean | null; file?: Writable | null; collect?: boolean } = {},
  ): Map<string, Set<number>> {
    if (this.newIdsState === null) this.newIdsState = { old: new Map(), current: new Map(), new: new Map(), shortnames: true };
    const st = this.newIdsState;
    const newIds = st.new;
    if (options.skipUpdate) return newIds;
    const sortby = options.sortby ?? 'deltas';
    let shortnames = options.shortnames;
    if (shortnames === null || shortnames === undefined) shortnames = st.shortnames;
    else st.shortnames = shortnames;
    this.collect(options.collect);
    const heap = this.heap;
    const objects = this.gcObjects();
    const get = (m: Map<string, Set<number>>, k: string) => {
      let s = m.get(k);
      if (s === undefined) {
        s = new Set();
        m.set(k, s);
      }
      return s;
    };
    for (const s of st.old.values()) s.clear();
    for (const [k, s] of st.current) {
      const o = get(st.old, k);
      for (const id of s) o.add(id);
    }
    for (const s of st.current.values()) s.clear();
    const name = this.namer(shortnames);
    for (const o of objects) get(st.current, name(nameTypeOf(heap, o))).add(heap.addressOf(o));
    for (const s of newIds.values()) s.clear();
    const rows: [string, number, number, number, number][] = [];
    const remove: string[] = [];
    for (const [k, cur] of st.current) {
      const old = get(st.old, k);
      if (old.size === 0 && cur.size === 0) {
        remove.push(k);
        continue;
      }
      const fresh = get(newIds, k);
      let numNew = 0;
      for (const id of cur) {
        if (!old.has(id)) {
          fresh.add(id);
          numNew++;
        }
      }
      rows.push([k, old.size, cur.size, numNew, cur.size - old.size]);
    }
    for (const k of remove) {
      st.old.delete(k);
      st.current.delete(k);
      if (!newIds.delete(k)) throw new ObjgraphError('KeyError', `'${k}'`);
    }
    // rows.sort(key=itemgetter(index_by_sortby[sortby], 0), reverse=True)
    const col = ({ old: 1, current: 2, new: 3, deltas: 4 } as Record<string, number>)[sortby];
    if (col === undefined) throw new ObjgraphError('KeyError', `'${sortby}'`);
    rows.sort((a, b) => {
      const x = a[col] as number;
      const y = b[col] as number;
      if (x !== y) return y - x;
      return codePointCompare(b[0], a[0]);
    });
    const limit = options.limit === undefined ? 10 : options.limit;
    const shown = limit === null ? rows : pySliceTo(rows, limit);
    if (shown.length === 0) return newIds;
    const file = options.file ?? this.stdout();
    const print = (s: string) => {
      file.write(s);
      file.write('\n');
    };
    const width = Math.max(...shown.map((r) => pyLen(r[0])));
    const rule = '='.repeat(width + 13 * 4);
    print(rule);
    print(`${padRight('Type', width)}${padLeft('Old_ids', 13)}${padLeft('Current_ids', 13)}${padLeft('New_ids', 13)}${padLeft('Count_Deltas', 13)}`);
    print(rule);
    for (const [k, o, c, n, d] of shown) print(`${padRight(k, width)}${padLeft(String(o), 13)}${padLeft(String(c), 13)}${padLeft(signed(n), 13)}${padLeft(signed(d), 13)}`);
    print(rule);
    return newIds;
  }

  // ==========================================================================================
  // Locating objects
  // ==========================================================================================

  /**
   * `objgraph.get_leaking_objects(objects=None)`: objects that no tracked object refers to
   * (3.7 on the 3.12 profile: referents of every tracked object count; 3.5.0 on 2.7: only
   * referents of `objects` themselves).
   *
   * @example
   * ```ts
   * og.getLeakingObjects(og.byType('OBJ')); // OBJ instances nothing tracked refers to
   * ```
   */
  getLeakingObjects(objects?: Iterable<ObjRef> | null, options: { collect?: boolean; objectsList?: Ref } = {}): Ref[] {
    const heap = this.heap;
    const marks = new Uint8Array(heap.capacity);
    const buf: Ref[] = [];
    const mark = (r: Ref) => {
      if (!heap.isGc(r)) return;
      buf.length = 0;
      referents(heap, r, buf);
      for (let i = 0; i < buf.length; i++) marks[buf[i]!] = 1;
    };
    let objs: Ref[];
    if (heap.profile.version === '2.7') {
      if (objects === null || objects === undefined) {
        this.collect(options.collect);
        objs = this.gcObjects();
      } else objs = [...objects].map(refOf);
      for (const o of objs) mark(o);
    } else {
      this.collect(options.collect);
      const all = this.gcObjects();
      objs = objects === null || objects === undefined ? all : [...objects].map(refOf);
      const skip = options.objectsList ?? 0;
      for (const o of all) if (o !== skip) mark(o);
    }
    return objs.filter((o) => o >= marks.length || marks[o] === 0);
  }

  /**
   * `objgraph.by_type(typename, objects=None)`: the tracked objects (or those of `objects`) with
   * this type name, in `gc.get_objects()` order (borrowed refs).
   *
   * @example
   * ```ts
   * const [leaked] = og.byType('OBJ');
   * ```
   */
  byType(typeName: string, objects?: Iterable<ObjRef> | null): Ref[] {
    const heap = this.heap;
    const name = this.namer(!typeName.includes('.'));
    if (objects !== null && objects !== undefined) {
      return this.withTypeMatcher(name, typeName, (_memo, matches) => [...objects].map(refOf).filter((o) => matches(nameTypeOf(heap, o))));
    }
    // The last answer over the tracked objects still holds if the kept order and types did not
    // change since, and each type it saw is still named (or not) `typeName`.
    const tracked = trackedOrder(heap);
    tracked.types();
    const last = this.lastByType;
    if (last !== null && last.version === tracked.version && last.typeName === typeName && last.decided.every(([t, m]) => (name(t) === typeName) === m)) {
      return last.result.slice();
    }
    return this.withTypeMatcher(name, typeName, (memo, matches, touched) => {
      const result = this.trackedOfType(memo, matches);
      this.lastByType = { version: tracked.version, typeName, decided: touched.map((t) => [t, memo[t] === 1]), result };
      return result.slice();
    });
  }

  /** `byType`'s last answer over the tracked objects, with what it depended on. */
  private lastByType: { version: number; typeName: string; decided: [Ref, boolean][]; result: Ref[] } | null = null;

  /**
   * Run `fn` with a per-type memo of "is this type named `typeName`" (0 = not yet known,
   * 1 = yes, 2 = no; cleared before returning), the function that fills it, and the types it
   * has decided so far.
   */
  private withTypeMatcher<T>(name: (t: Ref) => string, typeName: string, fn: (memo: Uint8Array, matches: (t: Ref) => boolean, touched: readonly Ref[]) => T): T {
    const memo = this.scratchMemo();
    const touched: Ref[] = [];
    const matches = (t: Ref): boolean => {
      if (memo[t] === 0) {
        memo[t] = name(t) === typeName ? 1 : 2;
        touched.push(t);
      }
      return memo[t] === 1;
    };
    try {
      return fn(memo, matches, touched);
    } finally {
      for (const t of touched) memo[t] = 0;
    }
  }

  /**
   * The hot loop of `count`: one pass over the tracked objects' types in list order, a memo
   * lookup per object (the naming type decided once per type by `decide`). It does not branch on
   * the answer (it adds the memo's low bit): in collector order matching and other objects
   * interleave unpredictably, and a mispredicted branch per object costs more than the rest of
   * the loop. (`count` and `byType` have a loop each, so that each is compiled for its own use.)
   */
  private countTrackedOfType(memo: Uint8Array, decide: (t: Ref) => boolean): number {
    const tracked = trackedOrder(this.heap);
    const typeOf = tracked.types();
    const order = tracked.current();
    const classic = this.heap.t.instance;
    const payload = this.heap.payload;
    let found = 0;
    for (let i = 0, n = typeOf.length; i < n; i++) {
      // A 2.7 classic instance is named after its class, not its type (`instance`).
      const t = typeOf[i] === classic ? (payload[order[i]!] as Ref[])[0]! : typeOf[i]!;
      let m = memo[t]!;
      if (m === 0) m = decide(t) ? 1 : 2; // once per type
      found += m & 1;
    }
    return found;
  }

  /**
   * The hot loop of `byType`: as `countTrackedOfType`, collecting the matches in list order.
   * Here the branch stays: measured, it beats writing every object to a scratch array and
   * copying the matches out.
   */
  private trackedOfType(memo: Uint8Array, decide: (t: Ref) => boolean): Ref[] {
    const tracked = trackedOrder(this.heap);
    const typeOf = tracked.types();
    const order = tracked.current();
    const classic = this.heap.t.instance;
    const payload = this.heap.payload;
    const out: Ref[] = [];
    for (let i = 0, n = typeOf.length; i < n; i++) {
      const t = typeOf[i] === classic ? (payload[order[i]!] as Ref[])[0]! : typeOf[i]!;
      let m = memo[t]!;
      if (m === 0) m = decide(t) ? 1 : 2;
      if (m === 1) out.push(order[i]!);
    }
    return out;
  }

  private typeMemo = new Uint8Array(0);
  private scratchMemo(): Uint8Array {
    if (this.typeMemo.length < this.heap.capacity) this.typeMemo = new Uint8Array(this.heap.capacity);
    return this.typeMemo;
  }

  /** Is `r` in one of the three generations (what `gc.get_objects()` lists)? */
  private inGenerations(r: Ref): boolean {
    const heap = this.heap;
    if (!heap.isLive(r) || (heap.flags[r]! & Flag.TRACKED) === 0) return false;
    if (heap.listIsEmpty(ListHead.PERMANENT)) return true;
    let x = r;
    while (x > 12) x = heap.gcNext[x]!;
    return x === ListHead.GEN0 || x === ListHead.GEN1 || x === ListHead.GEN2;
  }

  /**
   * `objgraph.at(addr)`: the tracked object whose id is `addr`, or 0 (`None`).
   *
   * @example
   * ```ts
   * og.at(heap.addressOf(cache)) === cache; // true
   * ```
   */
  at(addr: number): Ref {
    const r = this.heap.refAtAddress(addr);
    return r !== 0 && this.inGenerations(r) ? r : 0;
  }

  /**
   * `objgraph.at_addrs(address_set)`: the tracked objects whose ids are in the set, in
   * `gc.get_objects()` order.
   *
   * @example
   * ```ts
   * og.atAddrs(og.getNewIds({ limit: 0 }).get('list') ?? []);
   * ```
   */
  atAddrs(addresses: Iterable<number>): Ref[] {
    const heap = this.heap;
    const found: Ref[] = [];
    for (const a of new Set(addresses)) {
      const r = this.at(a);
      if (r !== 0) found.push(r);
    }
    if (found.length <= 64) {
      // Order by position in the generation lists without walking them all.
      const set = new Set(found);
      const out: Ref[] = [];
      if (set.size === 0) return out;
      for (const head of GEN_HEADS) for (let r = heap.gcNext[head]!; r !== head && out.length < set.size; r = heap.gcNext[r]!) if (set.has(r)) out.push(r);
      return out;
    }
    const set = new Set(found);
    return this.gcObjects().filter((r) => set.has(r));
  }

  /**
   * `objgraph.is_proper_module(obj)`: a module registered in `sys.modules` under its `__name__`.
   *
   * @example
   * ```ts
   * og.isProperModule(mainModule); // true once sys.modules['__main__'] is it
   * ```
   */
  isProperModule(obj: ObjRef): boolean {
    const heap = this.heap;
    const r = refOf(obj);
    if (!isModule(heap, r)) return false;
    if (heap.sysModules === 0) return false;
    const name = getAttrOrNull(heap, r, '__name__');
    const key = name === 0 ? heap.None : name;
    try {
      return dictGetItem(heap, heap.sysModules, key) === r;
    } finally {
      if (name !== 0) heap.decref(name);
    }
  }

  // ==========================================================================================
  // Chains
  // ==========================================================================================

  /** objgraph's `_find_chain`: breadth-first from `obj` until `predicate` holds. */
  private findChain(obj: Ref, predicate: Predicate, edges: boolean | ChainEdges, options: FindChainOptions, ignoreIds: Iterable<number> = []): Ref[] {
    const forward = edges === true;
    const heap = this.heap;
    const maxDepth = options.maxDepth ?? 20;
    const ignore = new Set<number>(options.extraIgnore ?? []);
    for (const id of ignoreIds) ignore.add(id);
    // objgraph's `queue = [obj]` holds the object through the collection. The queue's holds are
    // temporary (they leave the graph as it was: see `Heap.temporaryHolds`).
    heap.holdTemporarily(obj);
    const held: Ref[] = [obj];
    this.collect(options.collect);
    const queue: Ref[] = [obj];
    const depth = new Map<Ref, number>([[obj, 0]]);
    const parent = new Map<Ref, Ref>([[obj, 0]]);
    const index = this.gc.referrerIndex();
    const buf: Ref[] = [];
    try {
      for (let qi = 0; qi < queue.length; qi++) {
        const target = queue[qi]!;
        if (predicate(target)) {
          const chain = [target];
          for (let t = parent.get(target)!; t !== 0; t = parent.get(t)!) chain.push(t);
          return forward ? chain.reverse() : chain;
        }
        const tdepth = depth.get(target)!;
        if (tdepth >= maxDepth) continue;
        let neighbours: ArrayLike<Ref>;
        let owned: Ref[] | null = null;
        if (typeof edges === 'function') {
          owned = edges(target);
          neighbours = owned;
        } else if (forward) {
          buf.length = 0;
          if (heap.isGc(target)) referents(heap, target, buf);
          neighbours = buf;
        } else {
          // Every queued object is held once by `held` (objgraph's queue).
          neighbours = index.referrersOf(target, 1);
        }
        try {
          for (let i = 0; i < neighbours.length; i++) {
            const source = neighbours[i]!;
            if (ignore.has(heap.addressOf(source))) continue;
            if (!depth.has(source)) {
              depth.set(source, tdepth + 1);
              parent.set(source, target);
              queue.push(source);
              heap.holdTemporarily(source);
              held.push(source);
            }
          }
        } finally {
          // `referrers` (the edge function's result) goes when the next one replaces it.
          if (owned !== null) for (let i = owned.length - 1; i >= 0; i--) heap.decref(owned[i]!);
        }
      }
      return [obj];
    } finally {
      for (let i = held.length - 1; i >= 0; i--) heap.releaseTemporarily(held[i]!);
    }
  }

  /**
   * `objgraph.find_ref_chain(obj, predicate, max_depth=20, extra_ignore=())`: a shortest chain
   * of references from `obj` to an object satisfying `predicate` (`[obj]` if none).
   *
   * @example
   * ```ts
   * og.findRefChain(myObject, (o) => heap.typeName(o) === 'Unpicklable');
   * ```
   */
  findRefChain(obj: ObjRef, predicate: Predicate, options: FindChainOptions = {}): Ref[] {
    return this.findChain(refOf(obj), predicate, true, options);
  }

  /**
   * `objgraph.find_backref_chain(obj, predicate, max_depth=20, extra_ignore=())`: a shortest
   * chain of references leading to `obj` from an object satisfying `predicate` — usually
   * `isProperModule` — or `[obj]`.
   *
   * @example
   * ```ts
   * const chain = og.findBackrefChain(leaked, (o) => og.isProperModule(o));
   * // [module, module dict, cache list, leaked]
   * ```
   */
  findBackrefChain(obj: ObjRef, predicate: Predicate, options: FindChainOptions = {}): Ref[] {
    return this.findChain(refOf(obj), predicate, false, options);
  }

  /**
   * objgraph's `_find_chain` with more ids to ignore (the Python module passes the id of the
   * `extra_ignore` object itself, as objgraph does). `forward` is true for referents, false for
   * referrers, or a `ChainEdges` function returning new references.
   *
   * @example
   * ```ts
   * og.findChainWithIgnore(leaked, (o) => og.isProperModule(o), false, {}, [heap.addressOf(cache)]);
   * ```
   */
  findChainWithIgnore(obj: Ref, predicate: Predicate, forward: boolean | ChainEdges, options: FindChainOptions, ignoreIds: Iterable<number>): Ref[] {
    return this.findChain(obj, predicate, forward, options, ignoreIds);
  }

  // ==========================================================================================
  // Graphs
  // ==========================================================================================

  /**
   * `objgraph.show_refs(objs, max_depth=3, extra_ignore=(), filter=None, too_many=10,
   * highlight=None, filename=None, extra_info=None, refcounts=False, shortnames=True,
   * output=None, extra_node_attrs=None)`: the graph of objects reachable from `objs`.
   *
   * @example
   * ```ts
   * const { dot } = og.showRefs([y], { filename: 'sample-graph.dot' });
   * // Graph written to sample-graph.dot (5 nodes)
   * ```
   */
  showRefs(objs: ObjRef | readonly ObjRef[], options: ShowGraphOptions = {}): ShowGraphResult {
    const { roots, shape } = this.rootsFromTs(objs);
    return this.showGraph(roots, 'referents', true, options, shape, null);
  }

  /**
   * `objgraph.show_backrefs(objs, ...)`: the graph of objects from which `objs` are reachable,
   * stopping at modules registered in `sys.modules`.
   *
   * @example
   * ```ts
   * og.showBackrefs([leaked], { maxDepth: 10, filename: 'obj.png' });
   * // Graph written to /tmp/objgraph-....dot (5 nodes)
   * // Image generated as obj.png
   * ```
   */
  showBackrefs(objs: ObjRef | readonly ObjRef[], options: ShowGraphOptions = {}): ShowGraphResult {
    const { roots, shape } = this.rootsFromTs(objs);
    return this.showGraph(roots, 'referrers', false, options, shape, (o) => this.isProperModule(o));
  }

  /**
   * `objgraph.show_chain(*chains, backrefs=True, **kw)`: draw only the objects of the chains
   * (as found by `findBackrefChain`/`findRefChain`).
   *
   * @example
   * ```ts
   * og.showChain([og.findBackrefChain(leaked, (o) => og.isProperModule(o))], { filename: 'chain.dot' });
   * ```
   */
  showChain(chains: readonly (readonly ObjRef[])[], options: ShowGraphOptions & { backrefs?: boolean } = {}): ShowGraphResult {
    const refs = chains.map((c) => c.map(refOf));
    const holds = new Map<Ref, number>();
    for (const c of refs) for (const r of c) holds.set(r, (holds.get(r) ?? 0) + 1);
    return this.showChainCore(refs, options, holds);
  }

  /**
   * `show_chain` when the chains are heap lists already (the Python module): `argHolds` are the
   * references the caller's chain *arrays* would add if they were Python lists (none here).
   *
   * @example
   * ```ts
   * og.showChainCore([[module, dict, cache, leaked]], { filename: 'chain.dot' }, new Map());
   * ```
   */
  showChainCore(chains: Ref[][], options: ShowGraphOptions & { backrefs?: boolean }, argHolds: Map<Ref, number>): ShowGraphResult {
    const backrefs = options.backrefs ?? true;
    const nonEmpty = chains.filter((c) => c.length > 0);
    const ids = new Set<Ref>();
    for (const c of nonEmpty) for (const r of c) ids.add(r);
    if (nonEmpty.length === 0) {
      throw new ObjgraphError('ValueError', this.heap.profile.version === '2.7' ? 'max() arg is an empty sequence' : 'max() iterable argument is empty');
    }
    const maxDepth = Math.max(...nonEmpty.map((c) => c.length)) - 1;
    const inChains: Predicate = (x) => ids.has(x);
    const opts: ShowGraphOptions = { ...options, maxDepth, filter: inChains };
    const shape: CallShape = { argHolds, wrappedSingle: 0, chainRoots: true };
    if (backrefs) return this.showGraph(nonEmpty.map((c) => c[c.length - 1]!), 'referrers', false, opts, shape, (o) => this.isProperModule(o));
    return this.showGraph(nonEmpty.map((c) => c[0]!), 'referents', true, opts, shape, null);
  }

  private rootsFromTs(objs: ObjRef | readonly ObjRef[]): { roots: Ref[]; shape: CallShape } {
    const holds = new Map<Ref, number>();
    if (Array.isArray(objs)) {
      const roots = (objs as readonly ObjRef[]).map(refOf);
      // A TS array stands for the Python list literal objgraph would have been given.
      for (const r of roots) holds.set(r, (holds.get(r) ?? 0) + 1);
      return { roots, shape: { argHolds: holds, wrappedSingle: 0, chainRoots: false } };
    }
    const r = refOf(objs as ObjRef);
    holds.set(r, 1); // the argument the caller passes
    return { roots: [r], shape: { argHolds: holds, wrappedSingle: r, chainRoots: false } };
  }

  /**
   * objgraph's `_show_graph`: breadth-first from `roots` along `edges`, writing DOT exactly as
   * objgraph does, then writing/rendering/presenting the file.
   *
   * `swap` is `swap_source_target` (true for show_refs: edges go from the expanded node to its
   * neighbours). `cull` stops expansion at matching nodes (show_backrefs: proper modules).
   * `edges` may be a function, as objgraph's tests drive `_show_graph` with their own graphs.
   *
   * @example
   * ```ts
   * // objgraph's tests.py: a chain A -> B through a custom edge function
   * og.showGraph([a], (o) => (o === a ? [b] : []), false, { output: { write: (t) => process.stdout.write(t) } });
   * ```
   */
  showGraph(
    roots: readonly Ref[],
    edges: EdgeFunc,
    swap: boolean,
    options: ShowGraphOptions,
    shape: CallShape = { argHolds: new Map(), wrappedSingle: 0, chainRoots: false },
    cull: Predicate | null = null,
    ignoreIds: Iterable<number> = [],
  ): ShowGraphResult {
    const heap = this.heap;
    const filename = options.filename ?? null;
    const output = options.output ?? null;
    if (filename && output) throw new ObjgraphError('ValueError', 'Cannot specify both output and filename.');
    const maxDepth = options.maxDepth ?? 3;
    const tooMany = options.tooMany ?? 10;
    const filter = options.filter ?? null;
    const highlight = options.highlight ?? null;
    const extraInfo = options.extraInfo ?? null;
    const extraNodeAttrs = options.extraNodeAttrs ?? null;
    const refcounts = options.refcounts ?? false;
    const shortnames = options.shortnames ?? true;
    const ignore = new Set<number>(options.extraIgnore ?? []);
    for (const id of ignoreIds) ignore.add(id);

    let dotFilename: string | null = null;
    if (!output) dotFilename = filename && filename.endsWith('.dot') ? filename : this.tempDotName();
    const chunks: string[] = [];
    const emit = output ? (s: string) => {
      chunks.push(s);
      output.write(s);
    } : (s: string) => {
      chunks.push(s);
    };

    const is27 = heap.profile.version === '2.7';
    const queue: Ref[] = [];
    const depth = new Map<Ref, number>();
    const queueCount = new Map<Ref, number>();
    const held: Ref[] = [];
    // Variables of objgraph's frame that keep objects alive (they show in refcounts=True labels).
    let srcnode: Ref = 0;
    let tgtnode: Ref = 0;
    let sourceVar: Ref = 0;

    const labelRefcount = (obj: Ref): number => {
      if (heap.profile.immortalObjects && (heap.flags[obj]! & Flag.IMMORTAL) !== 0) return heap.profile.immortalRefcount - 4;
      let n = heap.refcount(obj) - ownHolds(obj);
      n += shape.argHolds.get(obj) ?? 0;
      if (obj === shape.wrappedSingle) n += is27 ? 4 : 2;
      if (shape.chainRoots) for (const r of roots) if (r === obj) n++;
      n += queueCount.get(obj) ?? 0;
      if (srcnode === obj) n++;
      if (tgtnode === obj) n++;
      if (sourceVar === obj) n++;
      // getrefcount(obj) counts the obj_label frame, show_graph's `target`, its own argument
      // (and in 2.7 the caller's copy of the argument); objgraph subtracts 4.
      return n + (is27 ? 0 : -1);
    };
    const ownCounts = new Map<Ref, number>();
    const ownHolds = (r: Ref) => ownCounts.get(r) ?? 0;
    const trackHold = (r: Ref) => {
      heap.incref(r);
      held.push(r);
      ownCounts.set(r, (ownCounts.get(r) ?? 0) + 1);
    };

    const index = this.gc.referrerIndex();
    const buf: Ref[] = [];
    const neighboursOf = (target: Ref): Ref[] => {
      if (typeof edges === 'function') return [...edges(target)];
      if (edges === 'referents') {
        buf.length = 0;
        if (heap.isGc(target)) referents(heap, target, buf);
        return buf.slice();
      }
      return index.referrersOf(target, ownHolds(target));
    };

    try {
      emit('digraph ObjectGraph {\n  node[shape=box, style=filled, fillcolor=white];\n');
      for (const obj of roots) {
        emit(`  ${nodeId(heap, obj)}[fontcolor=red];\n`);
        depth.set(obj, 0);
        queue.push(obj);
        queueCount.set(obj, (queueCount.get(obj) ?? 0) + 1);
        trackHold(obj);
      }
      this.collect(options.collect);
      let nodes = 0;
      for (let qi = 0; qi < queue.length; qi++) {
        nodes++;
        const target = queue[qi]!;
        queueCount.set(target, queueCount.get(target)! - 1);
        const tdepth = depth.get(target)!;
        // label
        const labelParts = [typename(heap, target, shortnames)];
        if (refcounts) labelParts[0] += ` [${labelRefcount(target)}]`;
        labelParts.push(safeRepr(heap, target));
        if (extraInfo) labelParts.push(String(extraInfo(target)));
        emit(`  ${nodeId(heap, target)}[label="${quote(labelParts.join('\n'))}"${objAttrs(target, extraNodeAttrs)}];\n`);
        emit(nodeStyleLines(heap, target, tdepth, maxDepth, !!(highlight && highlight(target))));
        if (tdepth >= maxDepth) continue;
        if (cull !== null && cull(target)) continue;
        const neighbours = neighboursOf(target);
        if (!(typeof edges === 'function' && options.edgesReturnNewRefs)) for (const r of neighbours) heap.incref(r);
        let n = 0;
        let skipped = 0;
        try {
        for (const source of neighbours) {
          sourceVar = source;
          if (ignore.has(heap.addressOf(source))) continue;
          if (filter && !filter(source)) continue;
          if (n >= tooMany) {
            skipped++;
            continue;
          }
          if (swap) {
            srcnode = target;
            tgtnode = source;
          } else {
            srcnode = source;
            tgtnode = target;
          }
          const elabel = edgeLabel(heap, srcnode, tgtnode, shortnames);
          emit(`  ${nodeId(heap, srcnode)} -> ${nodeId(heap, tgtnode)}${elabel};\n`);
          if (!depth.has(source)) {
            depth.set(source, tdepth + 1);
            queue.push(source);
            queueCount.set(source, (queueCount.get(source) ?? 0) + 1);
            trackHold(source);
          }
          n++;
          sourceVar = 0;
        }
        } finally {
          // `del neighbours`: the list's references go (objects we queued stay held).
          for (let i = neighbours.length - 1; i >= 0; i--) heap.decref(neighbours[i]!);
        }
        if (skipped > 0) emit(tooManyLines(heap, target, skipped, tdepth, maxDepth, swap));
      }
      emit('}\n');
      const dot = chunks.join('');
      if (output) return { dot, nodes, dotFilename: null, imageFilename: null };
      this.io.writeFile(dotFilename!, dot);
      this.print(`Graph written to ${dotFilename} (${nodes} nodes)`);
      const imageFilename = this.presentGraph(dotFilename!, filename, dot);
      return { dot, nodes, dotFilename, imageFilename };
    } finally {
      for (let i = held.length - 1; i >= 0; i--) heap.decref(held[i]!);
    }

    function objAttrs(obj: Ref, fn: ShowGraphOptions['extraNodeAttrs']): string {
      if (!fn) return '';
      const attrs = fn(obj);
      const keys = Object.keys(attrs).sort(codePointCompare);
      return `, ${keys
        .filter((k) => attrs[k] !== null && attrs[k] !== undefined)
        .map((k) => `${k}="${quote(String(attrs[k]))}"`)
        .join(', ')}`;
    }
  }

  /**
   * A fresh name like `tempfile.mkstemp(prefix='objgraph-', suffix='.dot')` returns: where a
   * graph goes when no `.dot` filename is given (the Python module's drawing uses it too).
   *
   * @example
   * ```ts
   * og.tempDotName(); // e.g. '/tmp/objgraph-k3j9x0.dot'
   * ```
   */
  tempDotName(): string {
    let s = '';
    for (let i = 0; i < 8; i++) s += TMP_CHARS[Math.floor(Math.random() * TMP_CHARS.length)];
    const dir = this.io.tempDir ?? '/tmp';
    return `${dir.replace(/\/$/, '')}/objgraph-${s}.dot`;
  }

  /**
   * objgraph's `_present_graph`: nothing more for a `.dot` filename; otherwise render the image
   * the extension asks for (Graphviz in WebAssembly stands in for the `dot` program), or, with no
   * filename, open the viewer if the IO provides one, else render a PNG next to the DOT file.
   * Returns the image file name, if one was written.
   *
   * @example
   * ```ts
   * og.presentGraph('/tmp/objgraph-abc.dot', 'graph.svg', dotText);
   * // Image generated as graph.svg
   * ```
   */
  presentGraph(dotFilename: string, filename: string | null, dot: string): string | null {
    if (filename === dotFilename) return null;
    if (!filename && this.io.openViewer) {
      this.print('Spawning graph viewer (xdot)');
      this.io.openViewer(dotFilename);
      return null;
    }
    let target = filename;
    if (!target) {
      this.print('Graph viewer (xdot) not found, generating a png instead');
      target = `${dotFilename.slice(0, -4)}.png`;
    }
    const ext = extname(target).slice(1);
    const failed = () => this.print(`dot failed (exit code 1) while executing "dot -T${ext} -o${target} ${dotFilename}"`);
    if (!isRenderFormat(ext)) {
      failed();
      return null;
    }
    let data: string | Uint8Array;
    try {
      data = renderDotSync(dot, ext);
    } catch (e) {
      this.heap.hooks.writeStderr(`Error: ${e instanceof Error ? e.message : String(e)}\n`);
      failed();
      return null;
    }
    this.io.writeFile(target, data);
    this.print(`Image generated as ${target}`);
    return target;
  }
}

/** `peak_stats`: a Map, or anything with the same get/set (the Python module adapts a dict). */
export interface PeakStats {
  get(name: string): number | undefined;
  set(name: string, count: number): unknown;
}

/** `os.path.splitext(p)[1]`. */
function extname(p: string): string {
  const slash = p.lastIndexOf('/');
  const base = p.slice(slash + 1);
  let i = base.length;
  while (i > 0 && base[i - 1] !== '.') i--;
  if (i <= 0) return '';
  // leading dots of the basename do not start an extension
  const stem = base.slice(0, i - 1);
  if (/^\.*$/.test(stem)) return '';
  return base.slice(i - 1);
}

/**
 * objgraph's `_obj_node_id`: `'o%d' % id(obj)`.
 *
 * @example
 * ```ts
 * import { Heap, newList } from '@heaplab/heap';
 * import { nodeId } from '@heaplab/objgraph';
 * const heap = new Heap();
 * nodeId(heap, newList(heap, [])); // e.g. 'o139637976728032'
 * ```
 */
export function nodeId(heap: Heap, r: Ref): string {
  return `o${heap.addressOf(r)}`;
}

/**
 * objgraph's `_gradient(start_color, end_color, depth, max_depth)` in its exact float arithmetic
 * (node fill colours go from white at depth 0 to dark grey at `max_depth`).
 *
 * @example
 * ```ts
 * import { gradient, formatPercentG } from '@heaplab/objgraph';
 * formatPercentG(gradient([0, 0, 1], [0, 0, 0.3], 1, 3)[2]); // '0.766667'
 * ```
 */
export function gradient(start: readonly [number, number, number], end: readonly [number, number, number], depth: number, maxDepth: number): [number, number, number] {
  if (maxDepth === 0) return [start[0], start[1], start[2]];
  const f = depth / maxDepth;
  return [start[0] * (1 - f) + end[0] * f, start[1] * (1 - f) + end[1] * f, start[2] * (1 - f) + end[2] * f];
}

/**
 * The DOT lines objgraph writes after a node's label: the fill colour (grey by depth, green for
 * modules, blue-ish when `highlighted`), white text on dark fills, and the dotted `__del__`
 * marker for objects whose class has a finalizer.
 *
 * @example
 * ```ts
 * import { Heap, newList } from '@heaplab/heap';
 * import { nodeStyleLines } from '@heaplab/objgraph';
 * const heap = new Heap();
 * nodeStyleLines(heap, newList(heap, []), 0, 3, false); // '  o…[fillcolor="0,0,1"];\n'
 * ```
 */
export function nodeStyleLines(heap: Heap, target: Ref, depth: number, maxDepth: number, highlighted: boolean): string {
  const id = nodeId(heap, target);
  let [h, s, v] = gradient([0, 0, 1], [0, 0, 0.3], depth, maxDepth);
  if (isModule(heap, target)) [h, s] = [0.3, 1];
  if (highlighted) [h, s, v] = [0.6, 0.6, 0.5 + v * 0.5];
  let out = `  ${id}[fillcolor="${formatPercentG(h)},${formatPercentG(s)},${formatPercentG(v)}"];\n`;
  if (v < 0.5) out += `  ${id}[fontcolor=white];\n`;
  if (hasDelMarker(heap, target)) {
    out += `  ${id}->${id}_has_a_del[color=red,style=dotted,len=0.25,weight=10];\n`;
    out += `  ${id}_has_a_del[label="__del__",shape=doublecircle,height=0.25,color=red,fillcolor="0,.5,1",fontsize=6];\n`;
  }
  return out;
}

/**
 * The DOT lines for the box that stands for the `skipped` neighbours beyond `too_many`
 * ("N more references" when drawing referents, "N more backreferences" otherwise).
 *
 * @example
 * ```ts
 * import { Heap, newList } from '@heaplab/heap';
 * import { tooManyLines } from '@heaplab/objgraph';
 * const heap = new Heap();
 * tooManyLines(heap, newList(heap, []), 5, 0, 3, false).includes('5 more backreferences'); // true
 * ```
 */
export function tooManyLines(heap: Heap, target: Ref, skipped: number, depth: number, maxDepth: number, referents: boolean): string {
  const [h, s, v] = gradient([0, 1, 1], [0, 1, 0.3], depth + 1, maxDepth);
  const id = nodeId(heap, target);
  const label = referents ? `${skipped} more references` : `${skipped} more backreferences`;
  const edge = referents ? `${id}->too_many_${id}` : `too_many_${id}->${id}`;
  return (
    `  ${edge}[color=red,style=dotted,len=0.25,weight=10];\n` +
    `  too_many_${id}[label="${label}",shape=box,height=0.25,color=red,fillcolor="${formatPercentG(h)},${formatPercentG(s)},${formatPercentG(v)}",fontsize=6];\n` +
    `  too_many_${id}[fontcolor=white];\n`
  );
}

/** `sorted(pairs, key=key, reverse=True)`: stable, descending. */
function stableSortDesc<T>(xs: readonly T[], key: (x: T) => number): T[] {
  return xs
    .map((x, i) => [x, i] as const)
    .sort((a, b) => key(b[0]) - key(a[0]) || a[1] - b[1])
    .map(([x]) => x);
}
