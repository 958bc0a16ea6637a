/**
 * Helpers shared by the benchmarks: finding CPython, running a Python snippet, formatting rows.
 */
import { spawnSync } from 'node:child_process';
import { findPython as findCPython } from '../scripts/cpython.mjs';

/** Path of a CPython interpreter of the given version (see scripts/cpython.mjs), or null. */
export function findPython(version) {
  return findCPython(version).path ?? null;
}

/** Run a Python script, returning its stdout parsed as JSON (null if Python is missing or fails). */
export function runPythonJson(python, script, env = {}) {
  if (!python) return null;
  const r = spawnSync(python, ['-c', script], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
  if (r.status !== 0) {
    console.error(r.stderr);
    return null;
  }
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** Median of an array of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Print a table of rows (arrays of cells). */
export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  for (const r of rows) console.log(r.map((c, i) => String(c).padEnd(widths[i])).join('  '));
}
