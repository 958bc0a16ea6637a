// Running one program on HeapLab (in this process, through the library API) and on CPython
// (one subprocess per program, the way scripts/conformance-record.mjs records scenarios:
// `python -u prog.py` in a scratch folder, stdout and stderr on one file descriptor, objgraph on
// PYTHONPATH, every other PYTHON* variable removed), then normalizing both outputs.

import { checkInvariants } from "@heaplab/heap";
import { createModuleProviders, runProgram } from "@heaplab/python";
import { CPYTHON_VERSIONS, findObjgraph, findPython, runPythonScript } from "../../scripts/cpython.mjs";
import { normalize } from "../../scripts/normalize.mjs";

export const VERSIONS = CPYTHON_VERSIONS;
export const FILENAME = "prog.py";
/** Statements a HeapLab run may execute (generated programs need a few hundred). */
const STEP_BUDGET = 200_000;
const TIMEOUT_MS = 30_000;

/**
 * The CPython interpreters present: `{ found: { '2.7': path | null, ... }, missing: { version:
 * reason }, objgraph: { version: dir | null } }`. objgraph is looked up (or cloned) once per
 * version; where it is unavailable the programs leave objgraph out (see `judgedFeatures`).
 */
export function findPythons() {
  const found = {};
  const missing = {};
  const objgraph = {};
  for (const v of VERSIONS) {
    const py = findPython(v);
    found[v] = py.path ?? null;
    if (!py.path) missing[v] = py.missing;
    objgraph[v] = py.path ? (findObjgraph(v).dir ?? null) : null;
  }
  return { found, missing, objgraph };
}

/**
 * The generator features usable against the judges present: objgraph queries only when every
 * CPython that runs the programs can import objgraph (the same program goes to each version).
 */
export function judgedFeatures(features, judges, versions) {
  const active = versions.filter((v) => judges.found[v]);
  if (!features.objgraph || active.every((v) => judges.objgraph[v])) return features;
  return { ...features, objgraph: false };
}

/**
 * Run `source` on HeapLab; returns the normalized merged output, the exit code and the heap's
 * invariant violations after the run (`checkInvariants` without external holders: refcounts
 * must be at least the references the heap accounts for, nothing dangling, consistent lists).
 */
export function runHeapLab(source, version) {
  let out = "";
  const write = (t) => {
    out += t;
  };
  let exitCode;
  let violations = [];
  try {
    const r = runProgram({
      version,
      filename: FILENAME,
      source,
      argv: [FILENAME],
      stdout: write,
      stderr: write,
      stepBudget: STEP_BUDGET,
      modules: createModuleProviders(),
      fs: memoryFs(),
    });
    exitCode = r.exitCode;
    violations = checkInvariants(r.interp.heap).map((v) => v.message);
  } catch (e) {
    out += `\n[HeapLab crashed: ${e?.stack ? e.stack.split("\n").slice(0, 6).join("\n") : String(e)}]\n`;
    exitCode = -1;
  }
  return { text: normalize(out), exitCode, violations };
}

/** A throwaway in-memory file system (objgraph may write DOT files). */
function memoryFs() {
  const files = new Map();
  return {
    readFile: (p) => files.get(p) ?? null,
    writeFile: (p, d) => void files.set(p, typeof d === "string" ? d : Buffer.from(d).toString("latin1")),
    appendFile: (p, d) => void files.set(p, (files.get(p) ?? "") + d),
  };
}

/** Run `source` on a real CPython; resolves to the normalized merged output. */
export async function runCPython(source, version, python) {
  const r = await runPythonScript({ python, name: FILENAME, source, objgraphDir: findObjgraph(version).dir ?? null, timeoutMs: TIMEOUT_MS });
  let raw = r.raw;
  if (r.timedOut) raw += "\n[CPython timed out]\n";
  if (r.error) raw += `\n[CPython failed to start: ${r.error.message}]\n`;
  return { text: normalize(raw), exitCode: r.code };
}

/** A short line diff: the first `max` differing lines, with line numbers. */
export function lineDiff(expected, got, max = 8) {
  const a = expected.split("\n");
  const b = got.split("\n");
  const out = [];
  for (let i = 0; i < Math.max(a.length, b.length) && out.length < max * 2; i++) {
    if (a[i] !== b[i]) {
      out.push(`  line ${i + 1}: CPython ${JSON.stringify(a[i] ?? "<end>")}`);
      out.push(`  ${" ".repeat(String(i + 1).length + 6)}HeapLab ${JSON.stringify(b[i] ?? "<end>")}`);
    }
  }
  return out.join("\n");
}
