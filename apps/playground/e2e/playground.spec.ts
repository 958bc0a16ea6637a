/**
 * End-to-end tests against the built playground (vite preview) in Debian's chromium and
 * Firefox ESR (one Playwright project each, see playwright.config.ts).
 * Screenshots of every test land in test-results/ (a test artifact, not committed).
 */
import { expect, type Page, test } from '@playwright/test';
import { EXAMPLES } from '../src/examples.js';

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/${name}.png` });

async function open(page: Page, hash = ''): Promise<void> {
  await page.goto(`/${hash}`);
  await expect(page.getByTestId('pane-3.12').or(page.getByTestId('pane-2.7')).first()).toBeVisible();
}

async function waitIdle(page: Page): Promise<void> {
  await expect(page.locator('body')).toHaveAttribute('data-busy', '0', { timeout: 30_000 });
  await expect(page.getByTestId('step-info')).not.toHaveText(/running|not run yet/);
}

async function chooseExample(page: Page, id: string): Promise<void> {
  await page.getByTestId('example').selectOption(id);
  await waitIdle(page);
}

const pane = (page: Page, v: '2.7' | '3.12') => page.locator(`.pane[data-version="${v}"]`);
const consoleOf = (page: Page, v: '2.7' | '3.12') => pane(page, v).locator('.console');

/** What each example prints, per profile (checked against CPython 2.7.18 and 3.12.1). */
const EXPECTED: Record<string, { '2.7': RegExp; '3.12': RegExp }> = {
  refcounts: { '2.7': /^4\nTracker freed\ndone\n/, '3.12': /^4\nTracker freed\ndone\n/ },
  'self-cycle': { '2.7': /^2\n/, '3.12': /^1\n/ },
  'two-cycle': { '2.7': /gc: collectable <OBJ 0x[0-9a-f]+>[\s\S]*gc: collectable <dict[\s\S]*\n4\n/, '3.12': /gc: collectable <OBJ 0x[0-9a-f]+>\ngc: collectable <OBJ 0x[0-9a-f]+>\n2\n/ },
  'leak-cache': { '2.7': /OBJ +1 +\+1\nmodule -> dict -> list -> OBJ/, '3.12': /OBJ +1 +\+1\nmodule -> dict -> list -> OBJ/ },
  'del-cycle': { '2.7': /^unreachable: 4\nin gc.garbage: 2\n/, '3.12': /^__del__ of a\n__del__ of b\nunreachable: 2\nin gc.garbage: 0\n/ },
  saveall: { '2.7': /before collect: 0\n4\n/, '3.12': /before collect: 0\n2\n/ },
  'break-by-hand': { '2.7': /chat: hello\nwithout destroy\(\): 5 unreachable\nwith destroy\(\): 0 unreachable/, '3.12': /chat: hello\nwithout destroy\(\): 4 unreachable\nwith destroy\(\): 0 unreachable/ },
  weakref: { '2.7': /^root\nthe root node was freed\nNone\nleaf\n/, '3.12': /^root\nthe root node was freed\nNone\nleaf\n/ },
  'weak-containers': { '2.7': /^2\n1\n\['b'\]\n/, '3.12': /^2\n1\n\['b'\]\n/ },
  generations: { '2.7': /^\(700, 10, 10\)\n/, '3.12': /^\(700, 10, 10\)\n/ },
  budgets: { '2.7': /budget/, '3.12': /budget/ },
  'big-heap': { '2.7': /^$/, '3.12': /^$/ },
};

test('first load under 2 s, first example recorded and drawn', async ({ page }) => {
  const t0 = Date.now();
  await page.goto('/');
  await expect(page.locator('.cm-content')).toBeVisible();
  const editorMs = Date.now() - t0;
  await expect(page.locator('.pane .node.root').first()).toBeVisible();
  const graphMs = Date.now() - t0;
  const nav = await page.evaluate(() => {
    const e = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { dcl: e.domContentLoadedEventEnd, load: e.loadEventEnd };
  });
  console.log(`first load: editor visible ${editorMs} ms, first recording drawn ${graphMs} ms, DOMContentLoaded ${nav.dcl.toFixed(0)} ms, load ${nav.load.toFixed(0)} ms`);
  expect(nav.load).toBeLessThan(2000);
  expect(graphMs).toBeLessThan(2000);
  await shot(page, '00-first-load');
});

for (const ex of EXAMPLES) {
  test(`example "${ex.title}" runs on 2.7 and 3.12 side by side`, async ({ page }) => {
    await open(page);
    await page.getByTestId('profile-both').check();
    await chooseExample(page, ex.id);
    await expect(page.getByTestId('intro')).toHaveText(ex.intro);
    await page.getByTestId('run').click();
    await waitIdle(page);
    for (const v of ['2.7', '3.12'] as const) {
      const text = (await consoleOf(page, v).textContent()) ?? '';
      expect(text, `${ex.id} on ${v}`).toMatch(EXPECTED[ex.id]![v]);
      // The view shows the state after interpreter shutdown. A 3.12 program stopped by a budget
      // leaves nothing behind then: __main__ dies with sys.modules and its globals are collected.
      if (ex.id === 'budgets' && v === '3.12') await expect(pane(page, v)).toContainText('stopped by a budget; after interpreter shutdown');
      else expect(await pane(page, v).locator('.node').count()).toBeGreaterThan(0);
    }
    await shot(page, `example-${ex.id}`);
  });
}

test('step, step back, reset and the timeline; the current line is marked', async ({ page }) => {
  await open(page);
  await chooseExample(page, 'refcounts');
  await expect(page.getByTestId('step-info')).toHaveText(/step 1\/\d+ \(line 1\)/);
  for (let i = 0; i < 4; i++) await page.getByTestId('step').click();
  await expect(page.getByTestId('step-info')).toHaveText(/step 5\/\d+ \(line 8\)/);
  await expect(page.locator('.cm-current-a')).toHaveText(/b = a/);
  // Line 8 is about to run: the list has one name so far.
  const list = pane(page, '3.12').locator('.node', { hasText: '[1, 2, 3]' });
  await expect(list).toContainText('rc 1');
  await page.getByTestId('back').click();
  await expect(page.getByTestId('step-info')).toHaveText(/step 4\/\d+ \(line 7\)/);
  await expect(list).toHaveCount(0);
  await page.keyboard.press('F10');
  await page.keyboard.press('F10');
  await expect(page.getByTestId('step-info')).toHaveText(/step 6\/\d+ \(line 9\)/);
  await expect(list).toContainText('rc 2');
  await page.keyboard.press('F10');
  await expect(list).toContainText('rc 3');
  await shot(page, 'step-6');
  await page.getByTestId('reset').click();
  await expect(page.getByTestId('step-info')).toHaveText(/step 1\/\d+ \(line 1\)/);
  await page.getByTestId('timeline').fill('9');
  await expect(page.getByTestId('step-info')).toHaveText(/step 10\//);
  await page.getByTestId('run').click();
  await expect(page.getByTestId('step-info')).toHaveText(/program ended/);
  await expect(consoleOf(page, '3.12')).toHaveText(/Tracker freed\ndone/);
});

test('a collection from the gc panel frees the unreachable cycle', async ({ page }) => {
  await open(page);
  await chooseExample(page, 'self-cycle');
  // Step to `make_cycle()` returning, then to the print line (line 14).
  for (let i = 0; i < 30; i++) {
    if (/\(line 14\)/.test((await page.getByTestId('step-info').textContent()) ?? '')) break;
    await page.getByTestId('step').click();
  }
  await expect(page.getByTestId('step-info')).toHaveText(/\(line 14\)/);
  const garbage = pane(page, '3.12').locator('.node.unreachable');
  await expect(garbage).toHaveCount(1);
  await expect(garbage).toContainText('OBJ');
  await shot(page, 'gc-before');
  await page.getByTestId('tab-gc').click();
  await page.getByTestId('collect-2').click();
  await waitIdle(page);
  await expect(pane(page, '3.12').locator('.pane-notice')).toContainText('after gc.collect(2) (you');
  await expect(garbage).toHaveCount(0);
  const log = page.getByTestId('gc-log');
  await expect(log.locator('tr.fresh').first()).toContainText(/2\s*1\s*0/);
  await expect(log.locator('tr.fresh').first()).toContainText('you');
  await shot(page, 'gc-after');
  // The rest of the program now finds nothing to collect.
  await page.getByTestId('run').click();
  await expect(consoleOf(page, '3.12')).toHaveText(/^0\n/);
  // Debug flags: DEBUG_SAVEALL keeps the cycle in gc.garbage instead.
  await page.getByTestId('reset').click();
  await waitIdle(page);
  for (let i = 0; i < 30; i++) {
    if (/\(line 14\)/.test((await page.getByTestId('step-info').textContent()) ?? '')) break;
    await page.getByTestId('step').click();
  }
  await page.locator('input[data-flag="DEBUG_SAVEALL"]').check();
  await waitIdle(page);
  await expect(page.locator('input[data-flag="DEBUG_SAVEALL"]')).toBeChecked();
  await page.getByTestId('collect-0').click();
  await waitIdle(page);
  await expect(pane(page, '3.12').locator('.node.in-garbage')).toHaveCount(1);
  await expect(pane(page, '3.12').locator('.node.garbage-list')).toHaveCount(1);
  await shot(page, 'gc-saveall');
});

test('objgraph: why is the leaked object alive', async ({ page }) => {
  await open(page);
  await chooseExample(page, 'leak-cache');
  await page.getByTestId('run').click();
  await waitIdle(page);
  await pane(page, '3.12').locator('.node', { hasText: /^OBJ/ }).first().click();
  await expect(page.getByTestId('sel-type')).toHaveText('OBJ');
  const chain = page.getByTestId('chain');
  await expect(chain).toContainText('module __main__', { timeout: 20_000 });
  await expect(chain).not.toContainText('module module');
  await expect(chain).toContainText('_cache');
  await expect(page.getByTestId('chain-graph').locator('svg')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('backrefs-graph').locator('svg')).toBeVisible();
  await expect(page.getByTestId('most-common')).toContainText('function');
  await shot(page, 'objgraph-chain');
  // The file objgraph.show_chain() wrote, drawn by Graphviz.
  await page.getByTestId('tab-files').click();
  await expect(page.getByTestId('file').first()).toContainText('obj_chain.dot');
  await expect(page.getByTestId('file').first().locator('svg')).toBeVisible({ timeout: 20_000 });
  await shot(page, 'objgraph-file');
  // Growth since a mark: mark at the start, look at the end.
  await page.getByTestId('reset').click();
  await waitIdle(page);
  await page.getByTestId('tab-object').click();
  await page.getByTestId('mark').click();
  await expect(page.locator('.mark-info')).toHaveText('step 1');
  await page.getByTestId('run').click();
  await waitIdle(page);
  await pane(page, '3.12').locator('.node', { hasText: /^OBJ/ }).first().click();
  await expect(page.getByTestId('growth')).toContainText('OBJ', { timeout: 20_000 });
  await shot(page, 'objgraph-growth');
});

test('share link round trip, and a damaged link shows an error', async ({ page, context }) => {
  await open(page);
  await chooseExample(page, 'del-cycle');
  await page.getByTestId('profile-2.7').check();
  await waitIdle(page);
  await page.getByTestId('share').click();
  const url = await page.getByTestId('share-url').inputValue();
  expect(url).toMatch(/#code=v1\.[A-Za-z0-9_-]+$/);
  const other = await context.newPage();
  await other.goto(url);
  await expect(other.locator('.pane[data-version="2.7"]')).toBeVisible();
  await expect(other.locator('.pane[data-version="3.12"]')).toHaveCount(0);
  await expect(other.getByTestId('example')).toHaveValue('del-cycle');
  await expect(other.locator('.cm-content')).toContainText('def leak_by_del():');
  await waitIdle(other);
  await shot(other, 'share-opened');
  // Damaged: a cut payload and a payload with foreign characters.
  for (const bad of [url.slice(0, url.length - 7), `${url.split('#')[0]}#code=v1.%3Cimg%20src=x%20onerror=alert(1)%3E`]) {
    const p = await context.newPage();
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(bad);
    await expect(p.getByTestId('banner')).toBeVisible();
    await expect(p.getByTestId('banner')).toContainText('This link is damaged');
    await expect(p.locator('.pane .node.root').first()).toBeVisible();
    expect(errors).toEqual([]);
    await shot(p, 'share-damaged');
    await p.close();
  }
});

test('user-provided names and reprs render as text', async ({ page }) => {
  await open(page);
  const evil = '<img src=x onerror="window.__xss=1">';
  const source = `Evil = type('${evil}', (object,), {})\nx = Evil()\nx.name = '<script>window.__xss=2</script>'\nd = {'<b onmouseover=alert(1)>': x}\nprint(repr('${evil}'))\n`;
  await page.evaluate((src) => {
    const app = (window as unknown as { heaplab: { editor: { text: string }; run(): Promise<void> } }).heaplab;
    app.editor.text = src;
  }, source);
  await page.getByTestId('run').click();
  await waitIdle(page);
  const graph = pane(page, '3.12');
  await expect(graph.locator('.node', { hasText: evil }).first()).toBeVisible();
  await expect(consoleOf(page, '3.12')).toContainText(evil);
  expect(await page.locator('img').count()).toBe(0);
  expect(await page.locator('.pane script, .side script').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await graph.locator('.node', { hasText: evil }).first().click();
  await expect(page.getByTestId('sel-type')).toHaveText(evil);
  await expect(page.getByTestId('backrefs-graph').locator('svg')).toBeVisible({ timeout: 20_000 });
  expect(await page.locator('img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await shot(page, 'escaping');
});

test('an endless loop ends with a message and the page stays responsive', async ({ page }) => {
  await open(page);
  await chooseExample(page, 'budgets');
  await page.getByTestId('run').click();
  await waitIdle(page);
  await expect(pane(page, '3.12').locator('.pane-notice')).toContainText(/budget/);
  await page.getByTestId('back').click();
  await expect(page.getByTestId('step-info')).toHaveText(/step \d+\/\d+/);
  await shot(page, 'budgets');
});

test('a step on a 1,000-object heap updates the view without a full redraw', async ({ page }) => {
  await open(page);
  await chooseExample(page, 'big-heap');
  // Step to `first = items[0]`: a thousand Items are on the heap.
  for (let i = 0; i < 10; i++) {
    if (/\(line 5\)/.test((await page.getByTestId('step-info').textContent()) ?? '')) break;
    await page.getByTestId('step').click();
  }
  await expect(page.getByTestId('step-info')).toHaveText(/\(line 5\)/);
  const nodes = Number(await pane(page, '3.12').getAttribute('data-nodes'));
  expect(nodes).toBeGreaterThanOrEqual(1000);
  const samples = await page.evaluate(async () => {
    type App = { step(d: number): Promise<void> };
    const app = (window as unknown as { heaplab: App }).heaplab;
    const out: { script: number; frame: number }[] = [];
    // Warm up (JIT, first-time element creation), then measure 16 steps.
    for (let i = 0; i < 8; i++) await app.step(i % 4 < 2 ? 1 : -1);
    for (let i = 0; i < 16; i++) {
      const d = i % 4 < 2 ? 1 : -1; // forward twice, back twice: lines 5-7 (1,000+ objects each)
      const r = await new Promise<{ script: number; frame: number }>((resolve) => {
        requestAnimationFrame(() => {
          const t0 = performance.now();
          let t1 = 0;
          void app.step(d).then(() => (t1 = performance.now()));
          // A task queued now runs after this frame's style, layout and paint.
          setTimeout(() => resolve({ script: t1 - t0, frame: performance.now() - t0 }), 0);
        });
      });
      out.push(r);
    }
    return out;
  });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const script = median(samples.map((s) => s.script));
  const frame = median(samples.map((s) => s.frame));
  const updateMs = Number(await pane(page, '3.12').getAttribute('data-update-ms'));
  console.log(`1,000-object heap (${nodes} nodes drawn): step script median ${script.toFixed(2)} ms, until after paint median ${frame.toFixed(2)} ms (samples ${samples.map((s) => s.frame.toFixed(1)).join(', ')}); last view update ${updateMs} ms`);
  // The measured figure is reported above (on an idle desktop: ~12 ms, one frame). The check is
  // only a coarse guard against a regression to full redraws (~450 ms per step), loose enough for
  // a loaded 2-core CI machine; precise timing belongs to the benchmarks, not to tests.
  expect(script).toBeLessThan(200);
  expect(frame).toBeLessThan(250);
  await shot(page, 'big-heap');
});
