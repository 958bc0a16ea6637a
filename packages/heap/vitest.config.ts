import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: '@heaplab/heap', include: ['src/**/*.test.ts'] },
});
