import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // import.meta.url (the render worker's location) in the CommonJS build.
  shims: true,
  // Graphviz (wasm) and resvg stay external and are loaded only when a render is requested.
  external: ['@viz-js/viz', '@resvg/resvg-js'],
});
