import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: '@heaplab/gc', include: ['src/**/*.test.ts'] },
});
