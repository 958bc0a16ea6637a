/**
 * bench:objgraph — objgraph queries on a leak-hunt heap (a module-level cache list of Node
 * instances, each with an `items` list, half of them holding a Leaf), through HeapLab's TS API
 * (3.12 profile) and through objgraph 3.7 on CPython 3.12 (skipped when either is missing).
 * Prints the best of RUNS runs per query, after warm-up runs, (the machine may be shared: the best run is the least
 * disturbed one, on both sides alike) and the CPython/HeapLab ratio (how many times faster HeapLab
 * is).
 *
 *   pnpm bench:objgraph                 (N = 100k and 1M objects)
 *   pnpm bench:objgraph 200000          (custom N)
 *
 * Queries: count('Leaf'), by_type('Leaf'), typestats(), find_backref_chain(leaf,
 * is_proper_module) and growth(). objgraph itself calls gc.collect() inside growth() and
 * find_backref_chain() on both sides, so those times include a full collection of the heap; the
 * last columns time the same two queries with objgraph's gc.collect() left out on both sides
 * (`{ collect: false }` here, `objgraph.gc.collect` patched to a no-op there): objgraph's own work.
 *
 * HeapLab's collector skips the passes of a full collection when it can prove the heap is exactly
 * as an idle full collection left it (nothing released, moved or tracked since; see
 * `Collector.isSettled`), which repeated queries on an unchanged heap are, and `byType` answers
 * again from its last answer while the heap's objects and types are unchanged. The "(after a
 * change)" rows time queries with a Node appended to the cache and dropped again before each run,
 * so that every pass runs and nothing kept applies; CPython's objgraph does the same work each
 * time, so its time is the same.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Heap, newClass, newDict, newStr, dictSetStr, dictSetItem, call, setAttr, newList, listAppend, listSetSlice, newModule, moduleDict, intern } from '@heaplab/heap';
import { attachCollector } from '@heaplab/gc';
import { findPython, median, runPythonJson, table } from './lib.mjs';

const { Objgraph } = await import(new URL('../packages/objgraph/dist/index.js', import.meta.url).href);

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const Ns = sizes.length ? sizes : [100_000, 1_000_000];
const RUNS = 7;

/** Best of `runs` timed runs after WARMUP untimed ones (the JIT compiles the query loops first). */
const WARMUP = 3;
function time(fn, runs = RUNS) {
  const ts = [];
  let result;
  for (let i = 0; i < WARMUP; i++) fn();
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    result = fn();
    ts.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms: Math.min(...ts), median: median(ts), result };
}

/** Like `time`, with `setup` run untimed before every run (warm-up runs included). */
function timeAfter(setup, fn, runs = RUNS) {
  const ts = [];
  let result;
  for (let i = 0; i < WARMUP; i++) {
    setup();
    fn();
  }
  for (let i = 0; i < runs; i++) {
    setup();
    const t0 = process.hrtime.bigint();
    result = fn();
    ts.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms: Math.min(...ts), median: median(ts), result };
}

/** Nodes created so that the tracked objects number about `n` (Node + list, a Leaf every other one). */
function nodesFor(n) {
  return Math.round(n / 2.5);
}

function heaplabCase(n) {
  const heap = new Heap({ version: '3.12', initialCapacity: 1 << 16, writeStdout: () => {} });
  const gc = attachCollector(heap);
  gc.disable();
  heap.sysModules = newDict(heap);
  const main = newModule(heap, '__main__');
  dictSetItem(heap, heap.sysModules, intern(heap, '__main__'), main);
  heap.decref(main); // sys.modules holds it, as in a Python program
  const g = moduleDict(heap, main);
  const mkClass = (name) => {
    const ns = newDict(heap);
    dictSetStr(heap, ns, '__module__', newStr(heap, '__main__'));
    const c = newClass(heap, { name, bases: [], namespace: ns });
    heap.decref(ns);
    dictSetStr(heap, g, name, c);
    heap.decref(c); // the module's dict holds the class
    return c;
  };
  const Node = mkClass('Node');
  const Leaf = mkClass('Leaf');
  const cache = newList(heap, []);
  dictSetStr(heap, g, 'cache', cache);
  heap.decref(cache); // only the module's dict holds the cache
  const count = nodesFor(n);
  let target = 0;
  for (let i = 0; i < count; i++) {
    const node = call(heap, Node, []);
    const items = newList(heap, []);
    if (i % 2) {
      const leaf = call(heap, Leaf, []);
      listAppend(heap, items, leaf);
      heap.decref(leaf);
      if (i >= count / 3 && target === 0) target = leaf;
    }
    setAttr(heap, node, 'items', items);
    heap.decref(items);
    listAppend(heap, cache, node);
    heap.decref(node);
  }
  const og = new Objgraph(heap, gc);
  gc.collect();
  const objects = gc.getObjects().length;
  // A change to the heap: a Node appended to the cache and dropped again (a release), so the next
  // full collection runs every pass.
  const change = () => {
    const node = call(heap, Node, []);
    listAppend(heap, cache, node);
    heap.decref(node);
    listSetSlice(heap, cache, count, count + 1, []);
  };
  const collect = timeAfter(change, () => gc.collect());
  const idleCollect = time(() => gc.collect());
  const rows = {
    count: time(() => og.count('Leaf')),
    by_type: time(() => og.byType('Leaf')),
    typestats: time(() => og.typestats()),
    find_backref_chain: time(() => og.findBackrefChain(target, (o) => og.isProperModule(o))),
    growth: time(() => og.growth()),
  };
  // The same queries when the heap changed since the last one (by_type keeps its last answer
  // while nothing changes; growth and find_backref_chain skip idle collections).
  rows['by_type (after a change)'] = timeAfter(change, () => og.byType('Leaf'));
  rows['find_backref_chain (after a change)'] = timeAfter(change, () => og.findBackrefChain(target, (o) => og.isProperModule(o)));
  rows['growth (after a change)'] = timeAfter(change, () => og.growth());
  const index = gc.referrerIndex();
  const noCollect = {
    find_backref_chain: time(() => og.findBackrefChain(target, (o) => og.isProperModule(o), { collect: false })),
    // The first search after the index is dropped: one pass over the heap builds it.
    'find_backref_chain (cold index)': time(() => {
      index.reset();
      return og.findBackrefChain(target, (o) => og.isProperModule(o), { collect: false });
    }),
    growth: time(() => og.growth({ collect: false })),
  };
  if (rows.find_backref_chain.result.length !== 6) throw new Error(`unexpected chain length ${rows.find_backref_chain.result.length}`);
  return { objects, collect: collect.ms, idleCollect: idleCollect.ms, rows, noCollect };
}

const WARMUP_PY = 1;
const PY = (n) => `
import gc, sys, time, json
import objgraph
class Node(object): pass
class Leaf(object): pass
gc.disable()
cache = []
count = ${nodesFor(n)}
target = None
for i in range(count):
    node = Node()
    items = []
    if i % 2:
        leaf = Leaf()
        items.append(leaf)
        if i >= count / 3 and target is None: target = i
    node.items = items
    cache.append(node)
del node, items, leaf
gc.collect()
objects = len(gc.get_objects())
def t(fn, runs=${RUNS}):
    for _ in range(${WARMUP_PY}): fn()
    ts = []
    for _ in range(runs):
        t0 = time.perf_counter_ns(); r = fn(); ts.append((time.perf_counter_ns() - t0) / 1e6)
    return min(ts), r
res = {"objects": objects}
res["collect"] = t(gc.collect)[0]
res["count"] = t(lambda: objgraph.count('Leaf'))[0]
res["by_type"] = t(lambda: objgraph.by_type('Leaf'))[0]
res["typestats"] = t(lambda: objgraph.typestats())[0]
# the leaf is reached only through cache -> Node -> items list: module, dict, list, Node, list, Leaf
ms, chain = t(lambda: objgraph.find_backref_chain(cache[target].items[0], objgraph.is_proper_module))
assert len(chain) == 6, len(chain)
res["find_backref_chain"] = ms
res["growth"] = t(lambda: objgraph.growth())[0]
# CPython's collector always runs every pass: a change before each query makes no difference there
res["by_type (after a change)"] = res["by_type"]
res["find_backref_chain (after a change)"] = res["find_backref_chain"]
res["growth (after a change)"] = res["growth"]
# objgraph's own work: the same two queries with its gc.collect() calls made no-ops
import types
objgraph.gc = types.SimpleNamespace(collect=lambda *a: 0, get_objects=gc.get_objects, get_referrers=gc.get_referrers, get_referents=gc.get_referents)
res["find_backref_chain_nc"] = t(lambda: objgraph.find_backref_chain(cache[target].items[0], objgraph.is_proper_module))[0]
# objgraph keeps no index: its cold search is the same search
res["find_backref_chain (cold index)_nc"] = res["find_backref_chain_nc"]
res["growth_nc"] = t(lambda: objgraph.growth())[0]
print(json.dumps(res))
`;

const python = findPython('3.12');
const objgraphDir = process.env.HEAPLAB_OBJGRAPH_312 ?? '/work/.cache/objgraph/head';
const haveObjgraph = existsSync(`${objgraphDir}/objgraph.py`);
if (!python) console.log('CPython 3.12 not found: HeapLab figures only');
else if (!haveObjgraph) console.log(`objgraph not found at ${objgraphDir} (set HEAPLAB_OBJGRAPH_312): HeapLab figures only`);
else console.log(`CPython: ${python}, objgraph: ${objgraphDir}`);

const out = [['query', 'N', 'HeapLab ms', 'CPython ms', 'CPython/HeapLab', 'w/o gc.collect: HeapLab', 'CPython', 'ratio']];
for (const n of Ns) {
  const h = heaplabCase(n);
  const c = python && haveObjgraph ? runPythonJson(python, PY(n), { PYTHONPATH: objgraphDir }) : null;
  const fmt = (x) => (x === undefined || x === null ? 'n/a' : x < 10 ? x.toFixed(2) : x.toFixed(1));
  console.log(`N=${n}: HeapLab ${h.objects} tracked objects (full collection ${fmt(h.collect)} ms, on an unchanged heap ${fmt(h.idleCollect)} ms)${c ? `, CPython ${c.objects} (full collection ${fmt(c.collect)} ms)` : ''}`);
  for (const q of new Set([...Object.keys(h.rows), ...Object.keys(h.noCollect)])) {
    const hm = h.rows[q]?.ms;
    const nc = h.noCollect[q];
    const cnc = c ? c[`${q}_nc`] : undefined;
    out.push([
      q,
      n,
      hm === undefined ? '' : fmt(hm),
      hm === undefined ? '' : c ? fmt(c[q]) : 'n/a',
      hm === undefined ? '' : c ? `${(c[q] / hm).toFixed(1)}x` : 'n/a',
      nc ? fmt(nc.ms) : '',
      nc && cnc !== undefined ? fmt(cnc) : '',
      nc && cnc !== undefined ? `${(cnc / nc.ms).toFixed(1)}x` : '',
    ]);
  }
}
console.log();
table(out);
void fileURLToPath;
