// The differential fuzzer: generate programs, run each on HeapLab and on every CPython present,
// compare normalized outputs, and (optionally) minimize what differs.

import { cpus } from "node:os";
import { DEFAULT_FEATURES, generateProgram } from "./generate.mjs";
import { findPythons, judgedFeatures, lineDiff, runCPython, runHeapLab, VERSIONS } from "./runners.mjs";

/**
 * Run `programs` programs of run `seed` (indexes `start`..), each on every version whose CPython
 * is present. Resolves to `{ programs, differences: [...], skipped: {version: reason} }`.
 * `onProgress(done)` is called after each program.
 */
export async function fuzz({
  programs,
  seed,
  start = 0,
  jobs = Math.max(1, cpus().length),
  versions = VERSIONS,
  features = DEFAULT_FEATURES,
  minimize = false,
  onProgress,
  onDifference,
}) {
  const judges = findPythons();
  const { found, missing } = judges;
  const active = versions.filter((v) => found[v]);
  const usable = judgedFeatures(features, judges, versions);
  const skipped = Object.fromEntries(versions.filter((v) => !found[v]).map((v) => [v, missing[v]]));
  const differences = [];
  let next = start;
  let done = 0;
  const end = start + programs;
  const worker = async () => {
    while (next < end) {
      const index = next++;
      const { chunks, source } = generateProgram(seed, index, usable);
      for (const version of active) {
        // Start CPython first; HeapLab runs synchronously in this process meanwhile.
        const cpyPromise = runCPython(source, version, found[version]);
        const heaplab = runHeapLab(source, version);
        const cpython = await cpyPromise;
        if (cpython.text !== heaplab.text || heaplab.violations.length > 0) {
          const diff = { seed, index, version, source, cpython: cpython.text, heaplab: heaplab.text, violations: heaplab.violations };
          if (minimize) diff.minimized = await minimizeDifference(chunks, version, found[version]);
          differences.push(diff);
          onDifference?.(diff);
        }
      }
      done++;
      onProgress?.(done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, programs) }, worker));
  differences.sort((a, b) => a.index - b.index || a.version.localeCompare(b.version));
  return { programs, differences, skipped, versions: active, objgraph: usable.objgraph };
}

/** Do HeapLab and CPython still disagree on `source` (without a new traceback in CPython)? */
async function stillDiffers(source, version, python, hadTraceback) {
  const heaplab = runHeapLab(source, version);
  const cpython = await runCPython(source, version, python);
  if (!hadTraceback && /Traceback|Error:/.test(cpython.text) && !/Exception ignored|ignored$/m.test(cpython.text)) return null;
  return cpython.text !== heaplab.text ? { cpython: cpython.text, heaplab: heaplab.text } : null;
}

/**
 * Minimize a differing program by removing whole top-level statements (the import header is
 * kept) until no single statement can be removed without the difference disappearing.
 */
export async function minimizeDifference(chunks, version, python) {
  const first = await runCPython(chunks.join(""), version, python);
  const hadTraceback = /Traceback/.test(first.text);
  let current = chunks.slice();
  let last = await stillDiffers(current.join(""), version, python, hadTraceback);
  if (!last) return null;
  // Try removing runs of statements, halving the run length down to 1 (ddmin-like).
  for (let size = Math.max(1, Math.floor(current.length / 2)); size >= 1; size = Math.floor(size / 2)) {
    let progress = true;
    while (progress) {
      progress = false;
      for (let i = current.length - size; i >= 0; i--) {
        if (current.slice(i, i + size).some((c) => /^import /.test(c))) continue;
        const candidate = [...current.slice(0, i), ...current.slice(i + size)];
        const r = await stillDiffers(candidate.join(""), version, python, hadTraceback);
        if (r) {
          current = candidate;
          last = r;
          progress = true;
          i = Math.min(i, current.length - size + 1);
        }
      }
    }
    if (size === 1) break;
  }
  return { source: current.join(""), cpython: last.cpython, heaplab: last.heaplab };
}

/** Human-readable report of one difference. */
export function formatDifference(d, { showSource = false, flags = "" } = {}) {
  const lines = [
    `--- program ${d.index} of seed ${d.seed}, Python ${d.version} (reproduce: pnpm fuzz --seed ${d.seed} --only ${d.index} --python ${d.version}${flags ? ` ${flags}` : ""})`,
    lineDiff(d.cpython, d.heaplab),
  ];
  if (d.violations?.length) lines.push(`  heap invariant violations after the run: ${d.violations.slice(0, 5).join("; ")}`);
  if (d.minimized) {
    lines.push("  minimized program:");
    lines.push(d.minimized.source.replace(/^/gm, "    |"));
    lines.push("  minimized difference:");
    lines.push(lineDiff(d.minimized.cpython, d.minimized.heaplab));
  } else if (showSource) {
    lines.push("  program:");
    lines.push(d.source.replace(/^/gm, "    |"));
  }
  return lines.join("\n");
}
