/**
 * 2.7 has no immortal objects: the objects the heap keeps alive forever report real counts —
 * the references CPython 2.7.18's start-up state holds (the profile's `startupRefcounts`, measured
 * by scripts/calibrate-startup-refcounts.mjs) plus the ones taken since. 3.12 reports 2**32-1.
 */
import { describe, expect, it } from 'vitest';
import { Heap, IMMORTAL_BIAS } from './heap.js';
import { PROFILES } from './profile.js';
import { newInt } from './objects.js';

describe('refcounts of objects the heap never frees', () => {
  it('3.12: immortal objects report 4294967295 whatever holds them', () => {
    const heap = new Heap({ version: '3.12' });
    heap.calibrateStartupRefcounts(); // no-op
    expect(heap.refcount(heap.None)).toBe(4294967295);
    heap.incref(heap.None);
    expect(heap.refcount(heap.None)).toBe(4294967295);
    expect(heap.refcount(heap.smallInts[5 + 5]!)).toBe(4294967295);
  });

  it('2.7: no bias shows through; the references taken are counted', () => {
    const heap = new Heap({ version: '2.7' });
    const before = heap.refcount(heap.None);
    expect(before).toBeLessThan(IMMORTAL_BIAS);
    expect(before).toBe(heap.rc[heap.None]! - IMMORTAL_BIAS);
    heap.incref(heap.None);
    expect(heap.refcount(heap.None)).toBe(before + 1);
    heap.decref(heap.None);
  });

  it("2.7: after calibration a script starts from CPython 2.7.18's start-up counts", () => {
    const table = PROFILES['2.7'].startupRefcounts!;
    // CPython 2.7.18, recorder environment: sys.getrefcount(None) on a script's first line is 2528,
    // of which the script's own code, its __main__ namespace and the argument hold 3.
    expect(table.None).toBe(2525);
    expect(table.smallInts.length).toBe(262);
    const heap = new Heap({ version: '2.7' });
    heap.calibrateStartupRefcounts();
    expect(heap.refcount(heap.None)).toBe(table.None);
    expect(heap.refcount(heap.True)).toBe(table.True);
    expect(heap.refcount(heap.emptyTuple)).toBe(table.emptyTuple);
    const five = newInt(heap, 5);
    expect(five).toBe(heap.smallInts[5 + 5]);
    expect(heap.refcount(five)).toBe(table.smallInts[5 + 5]! + 1);
    heap.decref(five);
    // 256 is the last cached int; CPython's small_ints array holds one reference to each.
    expect(heap.refcount(heap.smallInts[261]!)).toBe(table.smallInts[261]);
    expect(Math.min(...table.smallInts)).toBeGreaterThanOrEqual(1);
  });
});
