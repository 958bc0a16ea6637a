#!/usr/bin/env node
// Record HeapLab's conformance corpus from the real interpreters.
//
//   node scripts/conformance-record.mjs [--only NAME[,NAME...]] [--check] [--jobs N]
//
// For every conformance/scenarios/NAME.py this runs CPython 2.7 and 3.12 the way
// /work/shared/conformance/README.md describes: `python -u NAME.py` from a scratch directory
// holding a copy of the scenario, stdout and stderr merged into one file in the order written,
// objgraph on PYTHONPATH (3.5.0 for 2.7, 3.7 for 3.12), a 60 s timeout, and the output passed
// through scripts/normalize.mjs. The result is written to NAME.2.7.out / NAME.3.12.out.
//
// A first line `# profiles: 3.12` (or `# profiles: 2.7`) restricts a scenario to one version.
// --only NAME   record (or check) just the named scenarios (comma-separated, or repeat --only).
// --check       re-run and report every scenario whose output differs from its recording
//               (a determinism check); exits 1 when something differs or is not recorded.
// --dir DIR     use another scenarios folder (e.g. /work/shared/conformance/scenarios --check).
// --jobs N      run N interpreters at once (default: up to 8).
//
// Interpreters and objgraph are found by scripts/cpython.mjs (HEAPLAB_PYTHON27/312 and
// HEAPLAB_OBJGRAPH_27/312, else pyenv and a cached or freshly cloned objgraph: 3.5.0 for 2.7, the
// default branch for 3.12). The scratch folder's path is removed from the output before normalization
// (3.12 prints tracebacks with the absolute script path; see runPythonScript in scripts/cpython.mjs). A missing interpreter or objgraph prints "skipped: ..." and is not an error.

import {
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { cpus } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CPYTHON_VERSIONS, findObjgraph, findPython, runPythonScript } from "./cpython.mjs";
import { normalize } from "./normalize.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DEFAULT_SCENARIOS = join(ROOT, "conformance", "scenarios");
const TIMEOUT_MS = 60_000;

const PROFILES = CPYTHON_VERSIONS.map((name) => ({ name }));

function parseArgs(argv) {
  const opts = {
    only: [],
    check: false,
    dir: DEFAULT_SCENARIOS,
    jobs: Math.max(1, Math.min(8, cpus().length)),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--check") opts.check = true;
    else if (a === "--only") opts.only.push(...String(argv[++i] ?? "").split(","));
    else if (a.startsWith("--only=")) opts.only.push(...a.slice(7).split(","));
    else if (a === "--dir") opts.dir = resolve(String(argv[++i] ?? ""));
    else if (a === "--jobs") opts.jobs = Math.max(1, Number(argv[++i]) || 1);
    else if (a === "-h" || a === "--help") {
      console.log("usage: node scripts/conformance-record.mjs [--only NAME] [--check] [--dir DIR] [--jobs N]");
      process.exit(0);
    } else {
      console.error(`unknown argument: ${a}`);
      process.exit(2);
    }
  }
  opts.only = opts.only
    .map((n) => n.trim().replace(/\.py$/, ""))
    .filter((n) => n.length > 0)
    .map((n) => basename(n));
  return opts;
}

/** Profiles a scenario runs on, from an optional first line `# profiles: 2.7 3.12`. */
export function scenarioProfiles(source) {
  const first = source.split("\n", 1)[0];
  const m = /^#\s*profiles:\s*(.*)$/.exec(first.trim());
  if (!m) return ["2.7", "3.12"];
  return m[1].split(/[\s,]+/).filter(Boolean);
}

function usesObjgraph(source) {
  return /^\s*(import|from)\s+[^#\n]*\bobjgraph\b/m.test(source);
}

/** Run one scenario on one interpreter; resolves to { text, code, timedOut, error }. */
async function runOne(file, python, objgraphDir) {
  const r = await runPythonScript({ python, name: basename(file), source: readFileSync(file), objgraphDir, timeoutMs: TIMEOUT_MS });
  return { text: normalize(r.raw), code: r.code, timedOut: r.timedOut, error: r.error };
}

async function pool(tasks, jobs) {
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, worker));
  return results;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const SCENARIOS = opts.dir;
  if (!existsSync(SCENARIOS)) {
    console.error(`no scenarios folder at ${SCENARIOS}`);
    process.exit(2);
  }
  let names = readdirSync(SCENARIOS)
    .filter((f) => f.endsWith(".py"))
    .map((f) => f.slice(0, -3))
    .sort();
  if (opts.only.length) {
    const unknown = opts.only.filter((n) => !names.includes(n));
    if (unknown.length) {
      console.error(`no such scenario: ${unknown.join(", ")}`);
      process.exit(2);
    }
    names = names.filter((n) => opts.only.includes(n));
  }

  const available = {};
  for (const profile of PROFILES) {
    const py = findPython(profile.name);
    const og = findObjgraph(profile.name);
    available[profile.name] = { python: py.path, objgraph: og.dir };
    if (!py.path) console.log(`skipped: Python ${profile.name} scenarios (${py.missing})`);
    else if (!og.dir) {
      console.log(`skipped: objgraph scenarios on Python ${profile.name} (${og.missing})`);
    }
  }

  const tasks = [];
  let skipped = 0;
  for (const name of names) {
    const file = join(SCENARIOS, `${name}.py`);
    const source = readFileSync(file, "utf8");
    const wanted = scenarioProfiles(source);
    const needsObjgraph = usesObjgraph(source);
    for (const profile of PROFILES) {
      const outFile = join(SCENARIOS, `${name}.${profile.name}.out`);
      if (!wanted.includes(profile.name)) {
        // A scenario restricted to the other version must not keep a stale recording.
        if (!opts.check && existsSync(outFile)) {
          rmSync(outFile);
          console.log(`removed stale ${basename(outFile)}`);
        }
        continue;
      }
      const av = available[profile.name];
      if (!av.python || (needsObjgraph && !av.objgraph)) {
        skipped++;
        continue;
      }
      tasks.push(async () => {
        const r = await runOne(file, av.python, needsObjgraph ? av.objgraph : null);
        return { name, profile: profile.name, outFile, ...r };
      });
    }
  }

  const results = await pool(tasks, opts.jobs);
  let problems = 0;
  let written = 0;
  let same = 0;
  for (const r of results) {
    const label = `${r.name}@${r.profile}`;
    if (r.error) {
      problems++;
      console.log(`ERROR ${label}: ${r.error.message}`);
      continue;
    }
    if (r.timedOut) {
      problems++;
      console.log(`TIMEOUT ${label}: no output recorded (over ${TIMEOUT_MS / 1000} s)`);
      continue;
    }
    if (opts.check) {
      if (!existsSync(r.outFile)) {
        problems++;
        console.log(`MISSING ${label}: not recorded yet`);
        continue;
      }
      const recorded = readFileSync(r.outFile, "utf8");
      if (recorded === r.text) {
        same++;
      } else {
        problems++;
        console.log(`DIFF ${label}`);
        printDiff(recorded, r.text);
      }
    } else {
      writeFileSync(r.outFile, r.text);
      written++;
    }
  }
  if (opts.check) {
    console.log(`${same} unchanged, ${problems} differ or failed, ${skipped} skipped`);
  } else {
    console.log(`${written} outputs recorded, ${problems} failed, ${skipped} skipped`);
  }
  process.exit(problems ? 1 : 0);
}

function printDiff(expected, got) {
  const a = expected.split("\n");
  const b = got.split("\n");
  let shown = 0;
  for (let i = 0; i < Math.max(a.length, b.length) && shown < 10; i++) {
    if (a[i] !== b[i]) {
      console.log(`  line ${i + 1}:`);
      console.log(`    recorded: ${JSON.stringify(a[i] ?? "<end>")}`);
      console.log(`    now:      ${JSON.stringify(b[i] ?? "<end>")}`);
      shown++;
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
