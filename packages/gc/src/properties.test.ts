/**
 * Property tests over random operation sequences (see `properties.world.ts`: allocate, link,
 * unlink, release, weakrefs with callbacks, `__del__` that counts, resurrects once or raises,
 * collect(n), freeze, DEBUG_SAVEALL, clearing gc.garbage), in both profiles.
 *
 * The heap's invariants (`checkInvariants`: every refcount equals the references actually held,
 * no reference to a freed object, consistent generation lists, CPython's tracked/untracked
 * rules) hold after every step of short sequences and periodically along long ones with
 * automatic collection. After releasing everything and a full collection, every surviving
 * object must be explained: reachable from `gc.garbage` (DEBUG_SAVEALL, or a 2.7 `__del__`
 * cycle); once gc.garbage is emptied and collected again, nothing survives in 3.12.
 *
 * Together the two suites drive more than 1,000,000 random operations per run (counted and
 * asserted at the end).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkInvariants } from '@heaplab/heap';
import { opArb, World } from './properties.world.js';

/** Operations applied in this file, per profile. */
const opsDone: Record<string, number> = { '2.7': 0, '3.12': 0 };
const started = performance.now();
const cpuStarted = process.cpuUsage();
/** The long suite: runs × operations per run, per profile (2 × 110 × 4,600 ≈ 1.01M). */
const LONG_RUNS = Number(process.env.LONG_RUNS ?? 110);
const LONG_OPS = Number(process.env.LONG_OPS ?? 4_600);
/** How often the long suite checks the whole heap. */
const CHECK_EVERY = 400;

function check(w: World, after: string): void {
  const bad = checkInvariants(w.heap, w.external());
  if (bad.length > 0) throw new Error(`after ${after}: ${bad.slice(0, 3).map((b) => b.message).join('; ')}`);
}

function finishAndCheck(w: World): void {
  const { first, second } = w.finish();
  check(w, 'the final collections');
  if (first.length > 0 || second.length > 0) {
    const show = (rs: number[]) => rs.slice(0, 5).map((r) => `${w.heap.kind[r]}@${r}`).join(', ');
    throw new Error(`unexplained survivors of a full collection: [${show(first)}] then, after clearing gc.garbage, [${show(second)}]`);
  }
}

for (const version of ['2.7', '3.12'] as const) {
  describe(`heap + collector invariants (${version})`, () => {
    it('hold after every operation; a full collection leaves nothing unexplained', () => {
      fc.assert(
        fc.property(fc.array(opArb, { minLength: 1, maxLength: 80 }), (ops) => {
          const w = new World(version);
          w.gc.disable();
          for (const o of ops) {
            w.apply(o);
            check(w, JSON.stringify(o));
          }
          finishAndCheck(w);
          opsDone[version] += w.ops;
        }),
        { numRuns: 200, seed: version === '2.7' ? 1027 : 1312 },
      );
    }, 60_000);

    it(`stay consistent over ${LONG_RUNS} runs of ${LONG_OPS} random operations with automatic collection`, () => {
      fc.assert(
        fc.property(fc.array(opArb, { minLength: LONG_OPS, maxLength: LONG_OPS }), fc.nat(60), (ops, t0) => {
          const w = new World(version);
          w.gc.setThreshold(20 + t0, 5, 5);
          for (let i = 0; i < ops.length; i++) {
            w.apply(ops[i]!);
            w.heap.safePoint();
            if (i % CHECK_EVERY === CHECK_EVERY - 1) check(w, `operation ${i} (${JSON.stringify(ops[i])})`);
          }
          check(w, 'the last operation');
          finishAndCheck(w);
          opsDone[version] += w.ops;
        }),
        // Shrinking thousands of operations would take far longer than the suite; a failure
        // reports its seed and path (replay with them), and the short suite above shrinks.
        { numRuns: LONG_RUNS, seed: version === '2.7' ? 27 : 312, endOnFailure: true },
      );
    }, 120_000);
  });
}

describe('scale', () => {
  afterAll(() => {
    // eslint-disable-next-line no-console
    const cpu = process.cpuUsage(cpuStarted);
    console.log(
      `property tests: ${opsDone['2.7']} operations on 2.7, ${opsDone['3.12']} on 3.12, ${Math.round(performance.now() - started)} ms (${Math.round((cpu.user + cpu.system) / 1000)} ms CPU)`,
    );
  });
  it('drove at least 1,000,000 random heap operations across both profiles', () => {
    expect(opsDone['2.7']! + opsDone['3.12']!).toBeGreaterThanOrEqual(1_000_000);
  });
});
