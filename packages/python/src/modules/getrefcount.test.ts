/**
 * `sys.getrefcount` of None, True, False, small ints, `()` and `''` in 2.7, which has no immortal
 * objects: CPython 2.7.18 printed these counts for the same program, run as the conformance
 * recorder runs scenarios (scratch folder, `python -u`, PYTHON* variables removed,
 * PYTHONDONTWRITEBYTECODE=1, objgraph 3.5.0 on PYTHONPATH). 3.12 reports 4294967295.
 */
import { describe, expect, it } from 'vitest';
import type { PythonVersion } from '@heaplab/heap';
import { createModuleProviders } from '../providers.js';
import { runProgram } from '../run.js';

function run(version: PythonVersion, source: string): string {
  let out = '';
  runProgram({ version, filename: 'rc.py', source, modules: createModuleProviders(), stdout: (t) => (out += t), stderr: (t) => (out += t) });
  return out;
}

const PROGRAM = `import sys
w = sys.stdout.write
g = sys.getrefcount
w('%d %d %d %d %d %d\\n' % (g(None), g(True), g(False), g(int('5')), g(tuple()), g(str())))
x = [None] * 10
y = {1: True}
w('%d %d\\n' % (g(None), g(True)))
del x
w('%d\\n' % g(None))
`;

describe('sys.getrefcount of long-lived objects', () => {
  it('2.7: real counts, starting from CPython 2.7.18 start-up state', () => {
    expect(run('2.7', PROGRAM)).toBe('2528 31 16 22 1098 133\n2538 32\n2528\n');
  });

  it('3.12: immortal', () => {
    const big = '4294967295';
    expect(run('3.12', PROGRAM)).toBe(`${Array(6).fill(big).join(' ')}\n${big} ${big}\n${big}\n`);
  });
});
