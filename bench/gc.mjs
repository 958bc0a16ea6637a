/**
 * bench:gc — a full collection over N instances linked in 2-cycles, on HeapLab (3.12 profile)
 * and on CPython 3.12 in the same process tree. Prints ns/object and HeapLab/CPython ratios,
 * plus bytes per simulated instance against CPython's (tracemalloc). The reachable-heap row
 * drops a reference before each run so that every pass runs; the "unchanged" row repeats the
 * collection on the heap an idle collection left (HeapLab then skips the passes; CPython's
 * figure is its usual one).
 *
 *   pnpm bench:gc            (N = 200k and 1M)
 *   pnpm bench:gc 100000     (custom N)
 */
import { Heap, newClass, newDict, call, setAttr, newStr, dictSetStr } from '@heaplab/heap';
import { attachCollector } from '@heaplab/gc';
import { findPython, median, runPythonJson, table } from './lib.mjs';

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const Ns = sizes.length ? sizes : [200_000, 1_000_000];
const REPEAT = 5;

function heaplabCase(n) {
  const heap = new Heap({ version: '3.12', initialCapacity: 1 << 16 });
  const gc = attachCollector(heap);
  gc.disable();
  const ns = newDict(heap);
  const mod = newStr(heap, '__main__');
  dictSetStr(heap, ns, '__module__', mod);
  const A = newClass(heap, { name: 'A', bases: [], namespace: ns });
  gc.collect();
  const memBefore = process.memoryUsage();
  const live0 = heap.live;
  const keep = [];
  for (let i = 0; i < n; i += 2) {
    const a = call(heap, A, []);
    const b = call(heap, A, []);
    setAttr(heap, a, 'x', b);
    setAttr(heap, b, 'x', a);
    heap.decref(b);
    keep.push(a);
  }
  globalThis.gc?.();
  const memAfter = process.memoryUsage();
  const objects = heap.live - live0;
  // Bytes per instance: typed-array headers (capacity share) plus JS heap growth.
  const headerBytesPerSlot = 4 + 4 + 1 + 1 + 4 + 4 + 4 + 4 + 8;
  const jsHeap = memAfter.heapUsed - memBefore.heapUsed;
  const bytesPerObject = (jsHeap + (memAfter.arrayBuffers - memBefore.arrayBuffers)) / objects;
  void headerBytesPerSlot;

  const reachable = [];
  for (let r = 0; r < REPEAT; r++) {
    // A reference taken and dropped again: a release since the last collection, so this one
    // runs every pass (a full collection of a heap left exactly as an idle one left it skips
    // them: the "unchanged" row).
    heap.incref(keep[0]);
    heap.decref(keep[0]);
    const t0 = process.hrtime.bigint();
    gc.collect(2);
    reachable.push(Number(process.hrtime.bigint() - t0) / objects);
  }
  const idle = [];
  for (let r = 0; r < REPEAT; r++) {
    const t0 = process.hrtime.bigint();
    gc.collect(2);
    idle.push(Number(process.hrtime.bigint() - t0) / objects);
  }
  for (const a of keep) heap.decref(a);
  const t0 = process.hrtime.bigint();
  const found = gc.collect(2);
  const unreachable = Number(process.hrtime.bigint() - t0) / objects;
  if (found !== objects) throw new Error(`expected ${objects} unreachable, got ${found}`);
  return { reachable: median(reachable), idle: median(idle), unreachable, bytesPerObject };
}

const PY = `
import gc, sys, time, json, tracemalloc
n = int(sys.argv[1]) if len(sys.argv) > 1 else N
class A(object): pass
gc.disable(); gc.collect()
tracemalloc.start()
keep = []
for i in range(0, n, 2):
    a = A(); b = A(); a.x = b; b.x = a
    keep.append(a)
    del a, b
mem = tracemalloc.get_traced_memory()[0]
tracemalloc.stop()
base = len(gc.get_objects())
reach = []
for _ in range(${REPEAT}):
    t = time.perf_counter_ns(); gc.collect(); reach.append((time.perf_counter_ns() - t) / base)
reach.sort()
del keep
t = time.perf_counter_ns(); found = gc.collect(); un = (time.perf_counter_ns() - t) / n
print(json.dumps({"reachable": reach[len(reach)//2], "unreachable": un, "bytes": mem / n, "found": found}))
`;

const python = findPython('3.12');
const rows = [['case', 'N', 'HeapLab ns/obj', 'CPython ns/obj', 'ratio']];
const memRows = [['N', 'HeapLab bytes/instance', 'CPython bytes/instance', 'ratio']];
for (const n of Ns) {
  const h = heaplabCase(n);
  const c = runPythonJson(python, PY.replace('N\n', `${n}\n`).replace('int(sys.argv[1]) if len(sys.argv) > 1 else N', String(n)));
  const fmt = (x) => (x === undefined ? 'n/a' : x.toFixed(1));
  rows.push(['full collect, reachable heap', n, fmt(h.reachable), c ? fmt(c.reachable) : 'n/a', c ? (h.reachable / c.reachable).toFixed(2) : 'n/a']);
  rows.push(['full collect, reachable heap, unchanged since an idle one', n, fmt(h.idle), c ? fmt(c.reachable) : 'n/a', c ? (h.idle / c.reachable).toFixed(2) : 'n/a']);
  rows.push(['full collect, unreachable heap', n, fmt(h.unreachable), c ? fmt(c.unreachable) : 'n/a', c ? (h.unreachable / c.unreachable).toFixed(2) : 'n/a']);
  memRows.push([n, fmt(h.bytesPerObject), c ? fmt(c.bytes) : 'n/a', c ? (h.bytesPerObject / c.bytes).toFixed(2) : 'n/a']);
}
console.log(python ? `CPython: ${python}` : 'CPython 3.12 not found: HeapLab figures only');
table(rows);
console.log();
table(memRows);
