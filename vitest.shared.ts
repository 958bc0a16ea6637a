/**
 * Shared Vitest settings: workspace packages resolve to their TypeScript sources, so tests never
 * depend on a previous build.
 */
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export const workspaceAlias: Record<string, string> = {
  '@heaplab/heap': `${root}packages/heap/src/index.ts`,
  '@heaplab/gc': `${root}packages/gc/src/index.ts`,
  '@heaplab/weakref': `${root}packages/weakref/src/index.ts`,
  '@heaplab/objgraph': `${root}packages/objgraph/src/index.ts`,
  '@heaplab/python': `${root}packages/python/src/index.ts`,
};
