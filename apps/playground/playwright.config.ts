import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT) || 4179;
// Debian's browsers, never Playwright's downloads: chromium over CDP, Firefox ESR over WebDriver
// BiDi (Playwright's `moz-firefox` channel drives a stock Firefox). scripts/e2e.mjs sets the paths.
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const projects = [
  ...(existsSync(chromiumPath)
    ? [
        {
          name: 'chromium',
          use: {
            browserName: 'chromium' as const,
            launchOptions: {
              executablePath: chromiumPath,
              args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
            },
          },
        },
      ]
    : []),
  ...(existsSync(firefoxPath)
    ? [{
        name: 'firefox',
        use: {
          browserName: 'firefox' as const,
          channel: 'moz-firefox',
          launchOptions: { executablePath: firefoxPath },
          // Firefox ESR's BiDi has no emulation.setMediaFeaturesOverride: leave media features alone.
          colorScheme: null,
          reducedMotion: null,
          forcedColors: null,
          contrast: null,
        },
      }]
    : []),
];

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    screenshot: 'on',
    trace: 'off',
    viewport: { width: 1500, height: 900 },
  },
  projects,
  webServer: {
    command: `pnpm exec vite build && pnpm exec vite preview --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { PORT: String(port) },
  },
});
