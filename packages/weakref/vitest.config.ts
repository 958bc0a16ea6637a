import { defineProject } from 'vitest/config';
import { workspaceAlias } from '../../vitest.shared.js';

export default defineProject({
  resolve: { alias: workspaceAlias },
  test: {
    name: '@heaplab/weakref',
    include: ['src/**/*.test.ts'],
    // The JavaScript containers' tests force garbage collection with global.gc().
    pool: 'forks',
    execArgv: ['--expose-gc'],
  },
});
