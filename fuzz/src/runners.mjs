// Running one program on HeapLab (in this process, through the library API) and on CPython
// (one subprocess per program, the way scripts/conformance-record.mjs records scenarios:
// `python -u prog.py` in a scratch folder, stdout and stderr on one file descriptor, objgraph on
// PYTHONPATH, every other PYTHON* variable removed), then normalizing both outputs.

import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkInvariants } from "@heaplab/heap";
import { createModuleProviders, runProgram } from "@heaplab/python";
import { normalize } from "../../scripts/normalize.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
export const VENDOR_OBJGRAPH = {
  "2.7": resolve(HERE, "../vendor/objgraph/3.5.0"),
  "3.12": resolve(HERE, "../vendor/objgraph/head"),
};
export const VERSIONS = ["2.7", "3.12"];
const PYENV_VERSION = { "2.7": "2.7.18", "3.12": "3.12.1" };
const PYTHON_ENV = { "2.7": "HEAPLAB_PYTHON27", "3.12": "HEAPLAB_PYTHON312" };
export const FILENAME = "prog.py";
/** Statements a HeapLab run may execute (generated programs need a few hundred). */
const STEP_BUDGET = 200_000;
const TIMEOUT_MS = 30_000;

function pyenvRoot() {
  if (process.env.PYENV_ROOT && existsSync(process.env.PYENV_ROOT)) return process.env.PYENV_ROOT;
  try {
    const r = spawnSync("pyenv", ["root"], { encoding: "utf8" });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  } catch {
    // no pyenv
  }
  const home = process.env.HOME ? join(process.env.HOME, ".pyenv") : null;
  return home && existsSync(home) ? home : null;
}

/** The CPython interpreters present: `{ '2.7': path | null, '3.12': path | null }` and why not. */
export function findPythons() {
  const root = pyenvRoot();
  const found = {};
  const missing = {};
  for (const v of VERSIONS) {
    const fromEnv = process.env[PYTHON_ENV[v]];
    const p = fromEnv || (root ? join(root, "versions", PYENV_VERSION[v], "bin", "python") : null);
    if (p && existsSync(p)) found[v] = p;
    else {
      found[v] = null;
      missing[v] = p ? `${p} not found` : `no pyenv (and ${PYTHON_ENV[v]} not set)`;
    }
  }
  return { found, missing };
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

function cleanEnv(extra) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith("PYTHON")) continue;
    env[k] = v;
  }
  env.PYTHONDONTWRITEBYTECODE = "1";
  return Object.assign(env, extra);
}

/** Run `source` on a real CPython; resolves to the normalized merged output. */
export function runCPython(source, version, python) {
  const scratch = mkdtempSync(join(tmpdir(), "heaplab-fuzz-"));
  const names = [...new Set([realpathSync(scratch), scratch])];
  writeFileSync(join(scratch, FILENAME), source);
  const outPath = join(scratch, ".output");
  const fd = openSync(outPath, "w");
  const env = cleanEnv({ PYTHONPATH: VENDOR_OBJGRAPH[version] });
  return new Promise((resolvePromise) => {
    let timedOut = false;
    const child = spawn(python, ["-u", FILENAME], { cwd: scratch, env, stdio: ["ignore", fd, fd] });
    closeSync(fd);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, TIMEOUT_MS);
    const finish = (code, error) => {
      clearTimeout(timer);
      let raw = "";
      try {
        raw = readFileSync(outPath, "utf8");
      } catch {
        // nothing written
      }
      rmSync(scratch, { recursive: true, force: true });
      for (const d of names) raw = raw.split(`${d}/`).join("");
      if (timedOut) raw += "\n[CPython timed out]\n";
      if (error) raw += `\n[CPython failed to start: ${error.message}]\n`;
      resolvePromise({ text: normalize(raw), exitCode: code });
    };
    child.on("error", (err) => finish(null, err));
    child.on("close", (code, signal) => finish(code ?? signal, undefined));
  });
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
