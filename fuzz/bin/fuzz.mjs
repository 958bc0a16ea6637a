#!/usr/bin/env node
// pnpm fuzz --programs N --seed S [--only I] [--show] [--minimize] [--jobs J] [--python 2.7|3.12]
//
// Prints exactly "N programs, D differences" on its last line, after the details of every
// difference (seed and program index to reproduce, the first differing lines). Exit status 1
// when there are differences.

import { fuzz, formatDifference } from "../src/fuzz.mjs";
import { DEFAULT_FEATURES, generateProgram } from "../src/generate.mjs";
import { findPythons, judgedFeatures, lineDiff, runCPython, runHeapLab, VERSIONS } from "../src/runners.mjs";

const HELP = `usage: pnpm fuzz [--programs N] [--seed S] [--start I] [--jobs J] [--python 2.7|3.12]
                 [--minimize] [--show] [--only I] [--print I] [--auto-gc] [--shutdown] [--no-objgraph]

  --programs N   how many programs to generate and compare (default 100)
  --seed S       run seed (default 1); program I of seed S is always the same program
  --start I      first program index (default 0)
  --jobs J       CPython subprocesses at once (default: number of CPUs)
  --python V     compare only this version (repeatable; default both)
  --minimize     shrink every difference to a smaller program that still differs
  --show         print each differing program in full
  --only I       run just program I and print both outputs (implies --show)
  --print I      print program I of the seed and exit
  --auto-gc      also generate gc.enable()/set_threshold() (automatic collections; see README)
  --shutdown     let some programs leave objects to interpreter shutdown (see README)
  --no-objgraph  no objgraph queries
  (a program is reproduced by its seed, index and these three feature flags)
`;

function parse(argv) {
  const o = { programs: 100, seed: 1, start: 0, jobs: undefined, versions: [], minimize: false, show: false, only: null, print: null, features: { ...DEFAULT_FEATURES } };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const num = () => {
      const v = Number(val());
      if (!Number.isInteger(v) || v < 0) throw new Error(`${a} needs a non-negative integer`);
      return v;
    };
    if (a === "--programs") o.programs = num();
    else if (a === "--seed") o.seed = num();
    else if (a === "--start") o.start = num();
    else if (a === "--jobs") o.jobs = Math.max(1, num());
    else if (a === "--python") {
      const v = val();
      if (!VERSIONS.includes(v)) throw new Error(`--python must be 2.7 or 3.12, not ${v}`);
      o.versions.push(v);
    } else if (a === "--minimize") o.minimize = true;
    else if (a === "--show") o.show = true;
    else if (a === "--auto-gc") o.features.autoGc = true;
    else if (a === "--shutdown") o.features.shutdown = true;
    else if (a === "--no-objgraph") o.features.objgraph = false;
    else if (a === "--only") o.only = num();
    else if (a === "--print") o.print = num();
    else if (a === "-h" || a === "--help") {
      process.stdout.write(HELP);
      process.exit(0);
    } else if (a === "--") continue;
    else throw new Error(`unknown argument ${a}`);
  }
  if (o.versions.length === 0) o.versions = VERSIONS;
  return o;
}

async function main() {
  let o;
  try {
    o = parse(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`fuzz: ${e.message}\n${HELP}`);
    process.exit(2);
  }
  if (o.print !== null) {
    process.stdout.write(generateProgram(o.seed, o.print, o.features).source);
    return;
  }
  if (o.only !== null) {
    const judges = findPythons();
    const { found, missing } = judges;
    const { source } = generateProgram(o.seed, o.only, judgedFeatures(o.features, judges, o.versions));
    process.stdout.write(`# program ${o.only} of seed ${o.seed}\n${source}`);
    let d = 0;
    for (const v of o.versions) {
      const h = runHeapLab(source, v);
      if (!found[v]) {
        process.stdout.write(`\n== Python ${v}: CPython skipped (${missing[v]}); HeapLab printed:\n${h.text}`);
        continue;
      }
      const c = await runCPython(source, v, found[v]);
      const same = c.text === h.text;
      if (!same) d++;
      process.stdout.write(`\n== Python ${v}: ${same ? "same output" : "DIFFERENT"}\n-- CPython:\n${c.text}`);
      if (!same) process.stdout.write(`-- HeapLab:\n${h.text}-- diff:\n${lineDiff(c.text, h.text, 20)}\n`);
    }
    process.stdout.write(`1 programs, ${d} differences\n`);
    process.exit(d ? 1 : 0);
  }
  const t0 = Date.now();
  const result = await fuzz({
    programs: o.programs,
    seed: o.seed,
    start: o.start,
    jobs: o.jobs,
    versions: o.versions,
    minimize: o.minimize,
    features: o.features,
    onProgress: (n) => {
      if (process.stderr.isTTY && n % 50 === 0) process.stderr.write(`\r${n}/${o.programs}`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write("\r");
  for (const [v, why] of Object.entries(result.skipped)) process.stdout.write(`skipped: Python ${v} (${why})\n`);
  if (o.features.objgraph && !result.objgraph) process.stdout.write("skipped: objgraph queries (objgraph not found; see scripts/cpython.mjs)\n");
  const flags = [o.features.autoGc && "--auto-gc", o.features.shutdown && "--shutdown", !o.features.objgraph && "--no-objgraph"].filter(Boolean).join(" ");
  for (const d of result.differences) process.stdout.write(`${formatDifference(d, { showSource: o.show, flags })}\n`);
  process.stderr.write(`compared on ${result.versions.join(" and ") || "no CPython"} in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  process.stdout.write(`${result.programs} programs, ${result.differences.length} differences\n`);
  process.exit(result.differences.length ? 1 : 0);
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(2);
});
