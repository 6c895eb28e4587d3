import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Checks at scale (megabytes of hostile text, a report of thousands of roles) run with
    // `npm run test:scale`, so that `npm test` stays quick.
    exclude: ['test/scale/**', '**/node_modules/**'],
    // Native SQLite and worker threads: separate processes keep tests from sharing state.
    pool: 'forks',
    testTimeout: 60_000,
  },
});
