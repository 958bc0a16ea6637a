#!/usr/bin/env node
/**
 * Run the Playwright end-to-end tests against Debian's browsers (never `playwright install`):
 * chromium (`/usr/bin/chromium`, or CHROMIUM_PATH) and Firefox ESR (`/usr/bin/firefox-esr`, or
 * FIREFOX_PATH, driven over WebDriver BiDi). Each browser that is installed gets the whole suite;
 * one that is missing is named and skipped, and with neither the run is skipped with a message
 * (exit 0) so a machine without them can still run the rest of the tests. CI installs both (.ci/run).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const browsers = {
  chromium: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  firefox: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
};
const present = Object.keys(browsers).filter((b) => existsSync(browsers[b]));
for (const b of Object.keys(browsers)) {
  if (!present.includes(b)) console.log(`e2e: ${b} skipped — ${browsers[b]} not found (apt-get install -y ${b === 'firefox' ? 'firefox-esr' : 'chromium'}, or set ${b.toUpperCase()}_PATH)`);
}
if (present.length === 0) process.exit(0);
const r = spawnSync('pnpm', ['exec', 'playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: browsers.chromium, FIREFOX_PATH: browsers.firefox },
});
process.exit(r.status ?? 1);
