/**
 * Conformance: every scenario runs through the `heaplab` CLI exactly as the recordings were made
 * from CPython (scratch copy of the scenario, stdout and stderr merged, addresses and timings
 * normalized) and must print what CPython printed. Covers this repo's corpus and, when present,
 * the seed corpus in ../shared/conformance.
 *
 * Scenarios listed in `known-failures.txt` are expected to differ (each line names the reason);
 * they are still run, and one that starts passing is reported so the list can shrink.
 */
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS module without types
import { normalize } from '../scripts/normalize.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '..');
const cli = join(root, 'packages/python/bin/heaplab.mjs');
const corpora = [join(here, 'scenarios'), resolve(root, '../shared/conformance/scenarios')].filter((d) => existsSync(d));

const known = new Set(
  existsSync(join(here, 'known-failures.txt'))
    ? readFileSync(join(here, 'known-failures.txt'), 'utf8')
        .split('\n')
        .map((l) => l.replace(/#.*/, '').trim())
        .filter(Boolean)
    : [],
);

interface Case {
  name: string;
  version: '2.7' | '3.12';
  file: string;
  expected: string;
}

const cases: Case[] = [];
for (const dir of corpora) {
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.py')).sort()) {
    const name = basename(f, '.py');
    for (const version of ['2.7', '3.12'] as const) {
      const exp = join(dir, `${name}.${version}.out`);
      if (existsSync(exp)) cases.push({ name, version, file: join(dir, f), expected: readFileSync(exp, 'utf8') });
    }
  }
}

function runCase(c: Case): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'heaplab-conf-'));
  copyFileSync(c.file, join(dir, basename(c.file)));
  const outPath = join(dir, '.out');
  const fd = openSync(outPath, 'a');
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [cli, 'run', basename(c.file), '--python', c.version], { cwd: dir, stdio: ['ignore', fd, fd] });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', () => {
      clearTimeout(timer);
      closeSync(fd);
      const got = normalize(readFileSync(outPath, 'utf8')) as string;
      rmSync(dir, { recursive: true, force: true });
      resolvePromise(got);
    });
  });
}

let passed = 0;
let failed = 0;
const newlyPassing: string[] = [];

describe.concurrent('conformance against recorded CPython output', () => {
  for (const c of cases) {
    const id = `${c.name}@${c.version}`;
    it(id, async () => {
      const got = await runCase(c);
      const ok = got === c.expected;
      if (ok) passed++;
      else failed++;
      if (known.has(id)) {
        if (ok) newlyPassing.push(id);
        return;
      }
      expect(got).toBe(c.expected);
    }, 90_000);
  }
  it.sequential('summary', () => {
    // eslint-disable-next-line no-console
    console.log(`conformance: ${passed} passed, ${failed} differ (of ${cases.length}); ${known.size} known failures listed${newlyPassing.length ? `; now passing: ${newlyPassing.join(', ')}` : ''}`);
  });
});
