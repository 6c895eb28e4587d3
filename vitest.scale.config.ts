import { defineConfig } from 'vitest/config';

/** `npm run test:scale`: the slow checks that a page or a report stays fast and bounded at scale. */
export default defineConfig({
  test: {
    include: ['test/scale/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 300_000,
  },
});
