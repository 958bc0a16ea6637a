/**
 * bench:python — an allocation-heavy loop (build and drop a million small cycles) on HeapLab's
 * interpreter (3.12 profile, gc enabled as by default) and on CPython 3.12 in the same process
 * tree. Prints both times and the ratio.
 *
 *   pnpm bench:python            (N = 1,000,000)
 *   pnpm bench:python 200000
 */
import { runProgram, createModuleProviders } from '@heaplab/python';
import { findPython, median, runPythonJson, table } from './lib.mjs';

const n = Number(process.argv[2] ?? 1_000_000);
const REPEAT = 3;
const program = `
import time
class A(object):
    pass
def run(n):
    for i in range(n):
        a = A()
        b = A()
        a.x = b
        b.x = a
t0 = time.perf_counter()
run(${n})
print(time.perf_counter() - t0)
`;

const times = [];
for (let r = 0; r < REPEAT; r++) {
  let out = '';
  const t0 = performance.now();
  const { exitCode } = runProgram({ version: '3.12', source: program, filename: 'bench.py', stdout: (t) => (out += t), stderr: (t) => process.stderr.write(t), modules: createModuleProviders() });
  const wall = (performance.now() - t0) / 1000;
  if (exitCode !== 0) throw new Error(`benchmark program failed: ${out}`);
  times.push(Number(out.trim()) || wall);
}
const heaplab = median(times);
const python = findPython('3.12');
const cpy = runPythonJson(python, `import json, time\nclass A(object): pass\ndef run(n):\n    for i in range(n):\n        a = A(); b = A(); a.x = b; b.x = a\nts = []\nfor _ in range(${REPEAT}):\n    t0 = time.perf_counter(); run(${n}); ts.append(time.perf_counter() - t0)\nts.sort()\nprint(json.dumps({"t": ts[len(ts)//2]}))`);
table([
  ['case', 'N', 'HeapLab s', 'CPython 3.12 s', 'ratio'],
  ['build and drop 2-cycles', n, heaplab.toFixed(3), cpy ? cpy.t.toFixed(3) : 'n/a', cpy ? (heaplab / cpy.t).toFixed(2) : 'n/a'],
]);
