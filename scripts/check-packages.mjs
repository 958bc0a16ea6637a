#!/usr/bin/env node
/**
 * Package hygiene for every publishable workspace package: publint on the package folder and
 * @arethetypeswrong/cli on the tarball `pnpm pack` produces. Run after a build.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const pkgs = readdirSync(join(root, 'packages'))
  .map((d) => join(root, 'packages', d))
  .filter((d) => existsSync(join(d, 'package.json')) && !JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')).private);

let failed = 0;
for (const dir of pkgs) {
  const name = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name;
  const pub = spawnSync('pnpm', ['exec', 'publint', '--strict', dir], { cwd: root, encoding: 'utf8' });
  const pubOut = (pub.stdout + pub.stderr).trim();
  if (pub.status !== 0) {
    failed++;
    console.log(`publint ${name}: FAILED\n${pubOut}`);
  } else console.log(`publint ${name}: ok`);
  const tmp = mkdtempSync(join(tmpdir(), 'heaplab-pack-'));
  try {
    execFileSync('pnpm', ['pack', '--pack-destination', tmp], { cwd: dir, stdio: 'pipe' });
    const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    const attw = spawnSync('pnpm', ['exec', 'attw', join(tmp, tgz), '--profile', 'node16', '--format', 'table-flipped'], { cwd: root, encoding: 'utf8' });
    if (attw.status !== 0) {
      failed++;
      console.log(`attw ${name}: FAILED\n${attw.stdout}${attw.stderr}`);
    } else console.log(`attw ${name}: ok`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
if (failed > 0) {
  console.log(`${failed} package check(s) failed`);
  process.exit(1);
}
