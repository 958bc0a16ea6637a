import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Workspace packages resolve to their TypeScript sources (as the repo's tests do), so the
// playground never depends on a stale or half-written dist/ of a sibling package.
const root = fileURLToPath(new URL('../../', import.meta.url));
const alias: Record<string, string> = {
  '@heaplab/heap': `${root}packages/heap/src/index.ts`,
  '@heaplab/gc': `${root}packages/gc/src/index.ts`,
  '@heaplab/weakref': `${root}packages/weakref/src/index.ts`,
  '@heaplab/objgraph': `${root}packages/objgraph/src/index.ts`,
  '@heaplab/python': `${root}packages/python/src/index.ts`,
  // objgraph rasterizes PNG with a native Node addon; the browser build gets a stub.
  '@resvg/resvg-js': fileURLToPath(new URL('./src/stubs/resvg.ts', import.meta.url)),
};

const port = Number(process.env.PORT) || 4173;

export default defineConfig({
  resolve: { alias },
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port, strictPort: true },
  preview: { host: '127.0.0.1', port, strictPort: true },
});
