/**
 * Table tests against CPython: each `cases/<name>.py` file is run on HeapLab (through the
 * test-only MiniPy driver) and every record is compared with what CPython 2.7.18 and 3.12.1
 * printed for it (`cases/<name>.<version>.out`, recorded by `testing/record.sh`).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CaseRecord, runCaseFile } from './testing/minipy.js';

const dir = join(__dirname, 'cases');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.py'))
  .map((f) => f.slice(0, -3))
  .sort();

for (const name of names) {
  for (const version of ['2.7', '3.12'] as const) {
    const expectedFile = join(dir, `${name}.${version}.out`);
    if (!existsSync(expectedFile)) continue;
    const expected = readFileSync(expectedFile, 'utf8').split('\n').filter((l) => l !== '');
    describe(`${name} — CPython ${version}`, () => {
      let actual: CaseRecord[] | null = null;
      const get = () => {
        if (actual === null) actual = runCaseFile(readFileSync(join(dir, `${name}.py`), 'utf8'), version);
        return actual;
      };
      it.each(expected.map((line, i) => [i + 1, line] as const))('record %i', (i, line) => {
        const got = get()[i - 1];
        expect(got?.output).toBe(line);
      });
    });
  }
}
