import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: '@heaplab/python', include: ['src/**/*.test.ts'] },
});
