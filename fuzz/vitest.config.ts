import { defineProject } from 'vitest/config';
import { workspaceAlias } from '../vitest.shared.js';

export default defineProject({
  resolve: { alias: workspaceAlias },
  test: { name: '@heaplab/fuzz', include: ['*.test.ts', 'src/**/*.test.ts'] },
});
