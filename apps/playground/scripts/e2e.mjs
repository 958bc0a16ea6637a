#!/usr/bin/env node
/**
 * Run the Playwright end-to-end tests against Debian's chromium (never `playwright install`).
 * Skips with a message (exit 0) when no chromium is installed, so a machine without it can
 * still run the rest of the test suite; CI installs it (.ci/run).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.log(`e2e: skipped — ${chromium} not found (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  process.exit(0);
}
const r = spawnSync('pnpm', ['exec', 'playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } });
process.exit(r.status ?? 1);
