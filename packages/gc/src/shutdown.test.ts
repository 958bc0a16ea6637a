/**
 * `_PyGC_DumpShutdownStats`: what 3.12 reports about a non-empty gc.garbage at exit
 * (CPython 3.12.1 output; 2.7.18 prints nothing).
 */
import { describe, expect, it } from 'vitest';
import { Heap, listAppend, newInt, newStr, type PythonVersion } from '@heaplab/heap';
import { attachCollector } from './api.js';
import { dumpShutdownStats } from './shutdown.js';

function setup(version: PythonVersion, debug: number, items: number) {
  let err = '';
  const heap = new Heap({ version, writeStderr: (t) => (err += t) });
  const gc = attachCollector(heap);
  const garbage = gc.collector.garbageList();
  for (let i = 0; i < items; i++) {
    const x = i % 2 === 0 ? newInt(heap, i) : newStr(heap, `s${i}`);
    listAppend(heap, garbage, x);
    heap.decref(x);
  }
  heap.gc.debug = debug;
  return { gc, err: () => err };
}

describe('dumpShutdownStats', () => {
  it('3.12 with DEBUG_UNCOLLECTABLE lists gc.garbage, indented by six spaces (the warning is ignored)', () => {
    const { gc, err } = setup('3.12', 4, 2);
    dumpShutdownStats(gc.collector);
    expect(err()).toBe("      [0, 's1']\n");
  });

  it('3.12 without debug flags prints nothing: ResourceWarning is filtered out by default', () => {
    const { gc, err } = setup('3.12', 0, 3);
    dumpShutdownStats(gc.collector);
    expect(err()).toBe('');
  });

  it('DEBUG_SAVEALL suppresses the report (gc.garbage then holds ordinary garbage too)', () => {
    const { gc, err } = setup('3.12', 4 | 32, 2);
    dumpShutdownStats(gc.collector);
    expect(err()).toBe('');
  });

  it('an empty gc.garbage and the 2.7 profile report nothing', () => {
    const empty = setup('3.12', 4, 0);
    dumpShutdownStats(empty.gc.collector);
    expect(empty.err()).toBe('');
    const old = setup('2.7', 4, 2);
    dumpShutdownStats(old.gc.collector);
    expect(old.err()).toBe('');
  });
});
