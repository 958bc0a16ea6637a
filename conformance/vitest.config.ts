import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'conformance', include: ['conformance.test.ts'], maxConcurrency: 4, testTimeout: 90_000 },
});
