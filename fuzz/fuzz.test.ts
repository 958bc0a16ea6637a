/**
 * CI run of the differential fuzzer: a fixed seed's programs on HeapLab and on every CPython
 * present (pyenv 2.7.18 / 3.12.1, or HEAPLAB_PYTHON27 / HEAPLAB_PYTHON312); a version whose
 * interpreter is absent is skipped. Zero differences required. Reproduce a failure with
 * `pnpm fuzz --seed 7 --only INDEX --python VERSION`.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS modules without types
import { formatDifference, fuzz } from './src/fuzz.mjs';
// @ts-expect-error plain JS modules without types
import { findPythons } from './src/runners.mjs';

const PROGRAMS = 300;
const SEED = 7;
const { found } = findPythons() as { found: Record<string, string | null> };
const present = Object.keys(found).filter((v) => found[v]);

describe('differential fuzzing against CPython', () => {
  it.skipIf(present.length === 0)(`${PROGRAMS} programs of seed ${SEED} print what CPython ${present.join(' and ')} print`, async () => {
    const result = await fuzz({ programs: PROGRAMS, seed: SEED });
    const report = result.differences.map((d: unknown) => formatDifference(d)).join('\n');
    // eslint-disable-next-line no-console
    console.log(`fuzz: ${result.programs} programs, ${result.differences.length} differences (CPython ${result.versions.join(', ')})`);
    expect(report).toBe('');
  }, 600_000);
});
