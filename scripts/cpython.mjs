// Finding the judges: the real CPython interpreters and the objgraph sources that HeapLab's
// recorder, fuzzer, calibration script and benchmarks compare against. One place, so every tool
// runs CPython the same way.
//
//   import { findPython, findObjgraph, cleanPythonEnv } from "./cpython.mjs";
//   const py = findPython("3.12");            // { path } or { missing: "why not" }
//   const og = findObjgraph("3.12");          // { dir } or { missing }
//   spawnSync(py.path, ["-u", "x.py"], { env: cleanPythonEnv({ PYTHONPATH: og.dir }) });
//
// Interpreters: HEAPLAB_PYTHON27 / HEAPLAB_PYTHON312, else pyenv's 2.7.18 / 3.12.1.
// objgraph: HEAPLAB_OBJGRAPH_27 / HEAPLAB_OBJGRAPH_312 (a directory holding objgraph.py), else
// /work/.cache/objgraph/{3.5.0,head}, else .cache/objgraph/<ref> in the repository; when none
// exists (and `fetch` is not false) a shallow clone of github.com/mgedmin/objgraph is made into
// .cache/objgraph/ (git ignores it). objgraph is never part of the repository.

import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Per-version facts: which interpreter, which objgraph (3.5.0 is the last release for 2.7). */
export const CPYTHON_PROFILES = {
  "2.7": {
    pyenvVersion: "2.7.18",
    pythonEnv: "HEAPLAB_PYTHON27",
    objgraphEnv: "HEAPLAB_OBJGRAPH_27",
    objgraphDirs: ["/work/.cache/objgraph/3.5.0", join(ROOT, ".cache/objgraph/3.5.0")],
    objgraphFetch: { ref: "3.5.0", dir: join(ROOT, ".cache/objgraph/3.5.0") },
  },
  "3.12": {
    pyenvVersion: "3.12.1",
    pythonEnv: "HEAPLAB_PYTHON312",
    objgraphEnv: "HEAPLAB_OBJGRAPH_312",
    objgraphDirs: [
      "/work/.cache/objgraph/head",
      join(ROOT, ".cache/objgraph/head"),
      join(ROOT, ".cache/objgraph/3.7.0.dev0"),
      join(ROOT, ".cache/objgraph/3.7"),
    ],
    objgraphFetch: { ref: null, dir: join(ROOT, ".cache/objgraph/head") },
  },
};

/** The versions HeapLab simulates, in order. */
export const CPYTHON_VERSIONS = Object.keys(CPYTHON_PROFILES);

let cachedRoot;
/** pyenv's root (`pyenv root`, $PYENV_ROOT or ~/.pyenv), or null. */
export function pyenvRoot() {
  if (cachedRoot !== undefined) return cachedRoot;
  cachedRoot = null;
  if (process.env.PYENV_ROOT && existsSync(process.env.PYENV_ROOT)) cachedRoot = process.env.PYENV_ROOT;
  else {
    try {
      const r = spawnSync("pyenv", ["root"], { encoding: "utf8" });
      if (r.status === 0 && r.stdout.trim()) cachedRoot = r.stdout.trim();
    } catch {
      // pyenv not installed
    }
    const home = process.env.HOME ? join(process.env.HOME, ".pyenv") : null;
    if (!cachedRoot && home && existsSync(home)) cachedRoot = home;
  }
  return cachedRoot;
}

/** The interpreter for `version` ('2.7' | '3.12'): `{ path }` or `{ missing: reason }`. */
export function findPython(version) {
  const p = CPYTHON_PROFILES[version];
  if (!p) return { missing: `unknown Python version ${version}` };
  const fromEnv = process.env[p.pythonEnv];
  if (fromEnv) {
    return existsSync(fromEnv) ? { path: fromEnv } : { missing: `${p.pythonEnv}=${fromEnv} does not exist` };
  }
  const root = pyenvRoot();
  if (!root) return { missing: `no pyenv (and ${p.pythonEnv} not set)` };
  const path = join(root, "versions", p.pyenvVersion, "bin", "python");
  return existsSync(path) ? { path } : { missing: `${path} not found (set ${p.pythonEnv})` };
}

const objgraphCache = new Map();
/**
 * The directory holding objgraph.py for `version`: `{ dir }` or `{ missing: reason }`. Clones it
 * into .cache/objgraph/ when no copy is found, unless `fetch` is false; without network the
 * clone fails quietly and the result says what is missing.
 */
export function findObjgraph(version, { fetch = true } = {}) {
  if (objgraphCache.has(version)) return objgraphCache.get(version);
  const p = CPYTHON_PROFILES[version];
  if (!p) return { missing: `unknown Python version ${version}` };
  const result = locateObjgraph(p, fetch);
  if (result.dir || fetch) objgraphCache.set(version, result);
  return result;
}

function locateObjgraph(p, fetch) {
  const fromEnv = process.env[p.objgraphEnv];
  if (fromEnv) {
    return existsSync(join(fromEnv, "objgraph.py"))
      ? { dir: fromEnv }
      : { missing: `${p.objgraphEnv}=${fromEnv} has no objgraph.py` };
  }
  for (const d of p.objgraphDirs) if (existsSync(join(d, "objgraph.py"))) return { dir: d };
  const missing = { missing: `objgraph not found in ${p.objgraphDirs.join(", ")} (set ${p.objgraphEnv})` };
  if (!fetch) return missing;
  const { ref, dir } = p.objgraphFetch;
  const args = ["clone", "-q", "--depth", "1", ...(ref ? ["--branch", ref] : []), "https://github.com/mgedmin/objgraph", dir];
  const r = spawnSync("git", args, { stdio: "ignore", timeout: 120_000 });
  if (r.status === 0 && existsSync(join(dir, "objgraph.py"))) return { dir };
  rmSync(dir, { recursive: true, force: true });
  return missing;
}

/**
 * The environment CPython runs in: ours without any PYTHON* variable (no PYTHONSTARTUP,
 * PYTHONHASHSEED, PYTHONWARNINGS...), no .pyc files written, plus `extra`.
 */
export function cleanPythonEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("PYTHON")) env[k] = v;
  env.PYTHONDONTWRITEBYTECODE = "1";
  return Object.assign(env, extra);
}

/**
 * Run a script the way the conformance recordings are made: `python -u NAME` in a fresh scratch
 * folder holding only the script, stdout and stderr on one file descriptor (so their
 * interleaving is the order of writing), the environment of `cleanPythonEnv` with objgraph on
 * PYTHONPATH when given, killed after `timeoutMs`. Resolves to `{ raw, code, timedOut, error }`,
 * `raw` being the merged output with the scratch folder's path removed (3.9+ prints the script's
 * absolute path in tracebacks; recordings show it as named on the command line).
 */
export function runPythonScript({ python, name, source, objgraphDir = null, timeoutMs }) {
  const scratch = mkdtempSync(join(tmpdir(), "heaplab-py-"));
  const scratchNames = [...new Set([realpathSync(scratch), scratch])];
  writeFileSync(join(scratch, name), source);
  const outPath = join(scratch, ".output");
  const fd = openSync(outPath, "w");
  const env = cleanPythonEnv(objgraphDir ? { PYTHONPATH: objgraphDir } : {});
  return new Promise((resolvePromise) => {
    let timedOut = false;
    const child = spawn(python, ["-u", name], { cwd: scratch, env, stdio: ["ignore", fd, fd] });
    closeSync(fd);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    const finish = (code, error) => {
      clearTimeout(timer);
      let raw = "";
      try {
        raw = readFileSync(outPath, "utf8");
      } catch {
        // nothing written
      }
      rmSync(scratch, { recursive: true, force: true });
      for (const d of scratchNames) raw = raw.split(`${d}/`).join("");
      resolvePromise({ raw, code, timedOut, error });
    };
    child.on("error", (err) => finish(null, err));
    child.on("close", (code, signal) => finish(code ?? signal, undefined));
  });
}
