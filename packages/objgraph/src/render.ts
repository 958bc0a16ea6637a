/**
 * Rendering DOT to images with Graphviz compiled to WebAssembly (@viz-js/viz), and SVG to PNG
 * with @resvg/resvg-js. Nothing is loaded until a render is requested.
 *
 * - `renderDot(dot, format)` is asynchronous and works wherever `@viz-js/viz` does (Node, browsers,
 *   workers); PNG needs Node (resvg-js is a native addon).
 * - `renderDotSync(dot, format)` is what objgraph's synchronous API uses (Python code calling
 *   `show_refs(..., filename='x.svg')` cannot await). It renders in the calling thread when the
 *   renderer was preloaded with `loadRenderer()`; otherwise, in Node, it hands the job to a
 *   worker thread of the same process and blocks on `Atomics.wait` until the image is back.
 */

/** Output formats of the bundled Graphviz (plus `png`, rasterized from SVG). */
export const RENDER_FORMATS: ReadonlySet<string> = new Set([
  'svg',
  'png',
  'dot',
  'gv',
  'xdot',
  'plain',
  'plain-ext',
  'json',
  'json0',
  'dot_json',
  'xdot_json',
  'canon',
  'imap',
  'cmapx',
]);

/**
 * Can `format` (a file extension without the dot) be produced?
 *
 * @example
 * ```ts
 * import { isRenderFormat } from '@heaplab/objgraph';
 * isRenderFormat('png'); // true
 * isRenderFormat('pdf'); // false: objgraph then prints "dot failed (exit code 1) ..."
 * ```
 */
export function isRenderFormat(format: string): boolean {
  return RENDER_FORMATS.has(format);
}

interface VizLike {
  renderString(dot: string, options: { format: string; engine?: string }): string;
  readonly graphvizVersion: string;
}
interface ResvgModule {
  Resvg: new (svg: string, opts?: unknown) => { render(): { asPng(): Uint8Array } };
}

const RESVG_PACKAGE = '@resvg/resvg-js';

let viz: VizLike | null = null;
let vizLoading: Promise<VizLike> | null = null;
let resvg: ResvgModule | null = null;

/** Options PNG rendering passes to resvg: system fonts, white background like `dot -Tpng`. */
const RESVG_OPTIONS = { background: 'white', font: { loadSystemFonts: true, defaultFontFamily: 'Times New Roman' } };

/**
 * Load Graphviz (and, in Node, the PNG rasterizer) so that later `renderDotSync` calls run in the
 * calling thread. Safe to call repeatedly.
 *
 * @example
 * ```ts
 * import { loadRenderer, renderDotSync } from '@heaplab/objgraph';
 * await loadRenderer();
 * renderDotSync('digraph { a -> b }', 'svg').startsWith('<?xml'); // true
 * ```
 */
export async function loadRenderer(options: { png?: boolean } = {}): Promise<void> {
  if (viz === null) {
    vizLoading ??= import('@viz-js/viz').then((m) => m.instance() as Promise<VizLike>);
    viz = await vizLoading;
  }
  if (options.png !== false && resvg === null && nodeBuiltin('node:module') !== null) {
    try {
      // A native addon: kept out of browser bundles (bundlers leave a computed specifier alone).
      const name = RESVG_PACKAGE;
      resvg = (await import(/* @vite-ignore */ name)) as unknown as ResvgModule;
    } catch {
      resvg = null;
    }
  }
}

/**
 * Has `loadRenderer()` completed (so rendering runs in this thread)?
 *
 * @example
 * ```ts
 * import { loadRenderer, rendererLoaded } from '@heaplab/objgraph';
 * rendererLoaded(); // false: nothing is loaded until asked
 * await loadRenderer();
 * rendererLoaded(); // true
 * ```
 */
export function rendererLoaded(): boolean {
  return viz !== null;
}

/**
 * The Graphviz version of the bundled renderer (loads it).
 *
 * @example
 * ```ts
 * import { graphvizVersion } from '@heaplab/objgraph';
 * await graphvizVersion(); // '16.1.0'
 * ```
 */
export async function graphvizVersion(): Promise<string> {
  await loadRenderer({ png: false });
  return viz!.graphvizVersion;
}

function renderLoaded(dot: string, format: string): string | Uint8Array {
  if (format === 'png') {
    if (resvg === null) throw new Error('PNG rendering needs @resvg/resvg-js (Node.js)');
    const svg = viz!.renderString(dot, { format: 'svg' });
    return new resvg.Resvg(svg, RESVG_OPTIONS).render().asPng();
  }
  return viz!.renderString(dot, { format: format === 'gv' ? 'dot' : format });
}

/**
 * Render DOT text to `format` (`'svg'`, `'png'`, or another Graphviz text format), loading the
 * renderer on first use.
 *
 * @example
 * ```ts
 * import { renderDot } from '@heaplab/objgraph';
 * const svg = await renderDot('digraph { a -> b }', 'svg');
 * ```
 */
export async function renderDot(dot: string, format: string): Promise<string | Uint8Array> {
  if (!isRenderFormat(format)) throw new Error(`Format: "${format}" not recognized`);
  await loadRenderer({ png: format === 'png' });
  return renderLoaded(dot, format);
}

// ---- synchronous rendering through a worker thread (Node) ---------------------------------

interface NodeWorkerThreads {
  Worker: new (file: URL | string, options?: unknown) => {
    postMessage(msg: unknown, transfer?: unknown[]): void;
    unref(): void;
    on(event: string, fn: (...args: unknown[]) => void): void;
  };
  MessageChannel: new () => { port1: { close(): void }; port2: unknown };
  receiveMessageOnPort(port: unknown): { message: unknown } | undefined;
}

function nodeBuiltin<T>(name: string): T | null {
  const p = (globalThis as { process?: { getBuiltinModule?: (n: string) => unknown } }).process;
  if (typeof p?.getBuiltinModule !== 'function') return null;
  try {
    return (p.getBuiltinModule(name) as T) ?? null;
  } catch {
    return null;
  }
}

/** How long a synchronous render may take before it is given up. */
const RENDER_TIMEOUT_MS = 120_000;

let worker: {
  worker: InstanceType<NodeWorkerThreads['Worker']>;
  port: { close(): void };
  remote: unknown;
  wt: NodeWorkerThreads;
} | null = null;

function workerUrl(): URL {
  return new URL('../worker/render-worker.mjs', import.meta.url);
}

function startWorker(): NonNullable<typeof worker> {
  if (worker !== null) return worker;
  const wt = nodeBuiltin<NodeWorkerThreads>('node:worker_threads');
  if (wt === null) {
    throw new Error('Graphviz is not loaded: call `await loadRenderer()` before rendering synchronously');
  }
  const channel = new wt.MessageChannel();
  // execArgv: [] — the worker must not inherit flags such as --input-type meant for the main script.
  const w = new wt.Worker(workerUrl(), { workerData: { port: channel.port2 }, transferList: [channel.port2], execArgv: [] });
  w.unref();
  worker = { worker: w, port: channel.port1, remote: channel.port2, wt };
  return worker;
}

/**
 * Render synchronously: in this thread if `loadRenderer()` completed, else (Node) in a worker
 * thread while this one waits. Throws if neither is possible (a browser main thread without a
 * preloaded renderer) or if Graphviz reports an error.
 *
 * @example
 * ```ts
 * import { renderDotSync } from '@heaplab/objgraph';
 * const png = renderDotSync('digraph { a -> b }', 'png') as Uint8Array; // PNG bytes
 * ```
 */
export function renderDotSync(dot: string, format: string): string | Uint8Array {
  if (!isRenderFormat(format)) throw new Error(`Format: "${format}" not recognized`);
  if (viz !== null && (format !== 'png' || resvg !== null)) return renderLoaded(dot, format);
  const w = startWorker();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  w.worker.postMessage({ dot, format, flag });
  // The worker sets flag[0] = 1 and notifies once its answer is on our port.
  const deadline = Date.now() + RENDER_TIMEOUT_MS;
  while (Atomics.load(flag, 0) === 0 && Date.now() < deadline) Atomics.wait(flag, 0, 0, 1000);
  const reply = w.wt.receiveMessageOnPort(w.port);
  if (reply === undefined) {
    worker = null;
    throw new Error(`the Graphviz worker did not answer within ${RENDER_TIMEOUT_MS / 1000} s`);
  }
  const msg = reply.message as { ok?: string | Uint8Array; error?: string };
  if (msg.error !== undefined) throw new Error(msg.error);
  return msg.ok!;
}
