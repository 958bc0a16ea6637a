#!/usr/bin/env node
// Measure the 2.7 profile's `startupRefcounts` table (packages/heap/src/profile.ts): the
// references CPython 2.7.18's start-up state holds to None, True, False, Ellipsis,
// NotImplemented, (), '' and the small ints -5..256 when a script starts.
//
// The same calibration program runs on CPython (as the conformance recorder runs scenarios:
// scratch folder, `python -u`, PYTHON* variables removed, PYTHONDONTWRITEBYTECODE=1, objgraph
// 3.5.0 on PYTHONPATH) and on HeapLab (built: packages/*/dist). Whatever the program itself holds
// is counted on both sides, so the difference is what CPython's start-up holds and HeapLab does
// not build:  new table = CPython's count - HeapLab's count + current table.
//
// Usage (from the project root, after building):
//   node scripts/calibrate-startup-refcounts.mjs           print the table to paste into profile.ts
//   node scripts/calibrate-startup-refcounts.mjs --check   exit 1 unless HeapLab prints CPython's counts
//   node scripts/calibrate-startup-refcounts.mjs --raw     both counts and the current table, per object
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cleanPythonEnv, findObjgraph, findPython } from './cpython.mjs';

const SINGLETONS = [
  ['None', 'None'],
  ['True', 'True'],
  ['False', 'False'],
  ['Ellipsis', 'Ellipsis'],
  ['NotImplemented', 'NotImplemented'],
  ['emptyTuple', 'tuple()'],
  ['emptyStr', 'str()'],
];
// Objects are reached through calls or names, not literals: a literal would also be held by the
// parser's AST while the main script runs, which HeapLab does not model.
const PROGRAM = [
  'import sys',
  'w = sys.stdout.write',
  'g = sys.getrefcount',
  ...SINGLETONS.map(([k, e]) => `w('${k} %d\\n' % g(${e}))`),
  "for i in range(int('-5'), int('257')):",
  "    w('int:%d %d\\n' % (i, g(int(str(i)))))",
  '',
].join('\n');

function runIn(cmd, args, env) {
  const dir = mkdtempSync(join(tmpdir(), 'heaplab-calib-'));
  try {
    writeFileSync(join(dir, 'calib.py'), PROGRAM);
    const r = spawnSync(cmd, [...args, 'calib.py'], { cwd: dir, env, encoding: 'utf8', timeout: 60000 });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
    return parse(r.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parse(out) {
  const m = new Map();
  for (const line of out.trim().split('\n')) {
    const [k, v] = line.split(' ');
    m.set(k, Number(v));
  }
  return m;
}

const root = process.cwd();
const python = findPython('2.7').path ?? null;
if (python === null || !existsSync(python)) {
  console.error('no CPython 2.7.18 (set HEAPLAB_PYTHON27)');
  process.exit(2);
}
const objgraph = findObjgraph('2.7').dir;
const cpy = runIn(python, ['-u'], cleanPythonEnv(objgraph ? { PYTHONPATH: objgraph } : {}));
const mine = runIn(process.execPath, [resolve(root, 'packages/python/bin/heaplab.mjs'), 'run', '--python', '2.7'], process.env);
const { PROFILES } = await import(resolve(root, 'packages/heap/dist/index.js'));
const cur = PROFILES['2.7'].startupRefcounts;

const current = (key) => {
  if (key.startsWith('int:')) return cur.smallInts[Number(key.slice(4)) + 5] ?? 0;
  return cur[key] ?? 0;
};
const next = (key) => cpy.get(key) - mine.get(key) + current(key);
if (process.argv.includes('--raw')) {
  for (const k of cpy.keys()) console.log(k, 'CPython', cpy.get(k), 'HeapLab', mine.get(k), 'table', current(k));
  process.exit(0);
}

if (process.argv.includes('--check')) {
  const bad = [...cpy.keys()].filter((k) => cpy.get(k) !== mine.get(k));
  for (const k of bad) console.log(`${k}: CPython ${cpy.get(k)}, HeapLab ${mine.get(k)}`);
  console.log(bad.length === 0 ? `all ${cpy.size} counts match` : `${bad.length} of ${cpy.size} differ`);
  process.exit(bad.length === 0 ? 0 : 1);
}

const ints = [];
for (let i = -5; i <= 256; i++) ints.push(next(`int:${i}`));
const lines = ['  startupRefcounts: {'];
for (const [k] of SINGLETONS) lines.push(`    ${k}: ${next(k)},`);
lines.push('    // -5..256');
lines.push('    smallInts: [');
for (let i = 0; i < ints.length; i += 20) lines.push(`      ${ints.slice(i, i + 20).join(', ')},`);
lines.push('    ],');
lines.push('  },');
console.log(lines.join('\n'));
