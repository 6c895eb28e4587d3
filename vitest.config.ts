import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Native SQLite and worker threads: separate processes keep tests from sharing state.
    pool: 'forks',
    testTimeout: 60_000,
  },
});
