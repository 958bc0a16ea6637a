/**
 * What the collector reports when the interpreter shuts down (CPython 3.4+
 * `_PyGC_DumpShutdownStats`, called by `Py_FinalizeEx` after the collection that follows
 * emptying `sys.modules`).
 */
import { type Heap, PyException, type Ref, reprOf, warnExplicit } from '@heaplab/heap';
import type { Collector } from './collector.js';

/**
 * If `gc.garbage` is not empty (and DEBUG_SAVEALL is off — then it holds ordinary garbage too),
 * warn `gc: N uncollectable objects at shutdown` as a ResourceWarning from module "gc", line 0
 * (the start-up filters of 3.12 ignore it), and under DEBUG_UNCOLLECTABLE print the list's repr
 * on stderr, indented by six spaces. Profiles without the report do nothing.
 */
export function dumpShutdownStats(collector: Collector): void {
  const heap = collector.heap;
  const st = collector.state;
  const flags = heap.profile.debugFlags;
  if (!heap.profile.gcApi.shutdownStats) return;
  if ((st.debug & flags.DEBUG_SAVEALL) !== 0 || st.garbage === 0) return;
  const garbage = st.garbage;
  const n = (heap.payload[garbage] as Ref[]).length;
  if (n === 0) return;
  const listThem = (st.debug & flags.DEBUG_UNCOLLECTABLE) !== 0;
  const message = listThem
    ? `gc: ${n} uncollectable objects at shutdown`
    : `gc: ${n} uncollectable objects at shutdown; use gc.set_debug(gc.DEBUG_UNCOLLECTABLE) to list them`;
  try {
    warnExplicit(heap, heap.t.ResourceWarning, message, 'gc', 0, 'gc');
  } catch (e) {
    if (!(e instanceof PyException)) throw e;
    heap.hooks.writeUnraisable(e.exc, 0);
    releaseException(heap, e);
  }
  if (!listThem) return;
  let text: string;
  try {
    text = reprOf(heap, garbage);
  } catch (e) {
    if (!(e instanceof PyException)) throw e;
    heap.hooks.writeUnraisable(e.exc, garbage);
    releaseException(heap, e);
    return;
  }
  heap.hooks.writeStderr(`      ${text}\n`);
}

/** Drop a swallowed exception and the traceback an interpreter may have attached to it. */
function releaseException(heap: Heap, e: PyException): void {
  const tb = (e as { tb?: Ref }).tb;
  if (tb) heap.decref(tb);
  heap.decref(e.exc);
}
