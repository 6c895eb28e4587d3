import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Checks at scale (megabytes of hostile text, a report of thousands of roles) run with
    // `npm run test:scale`, so that `npm test` stays quick.
    exclude: ['test/scale/**', '**/node_modules/**'],
    // Native SQLite and worker threads run in child processes, not threads. Two at once even on
    // two cores, since many tests wait on the command line; each keeps its modules loaded from
    // one test file to the next (the tests share no state but the files they make).
    pool: 'forks',
    maxWorkers: 2,
    isolate: false,
    // Only against a hang: on a machine whose cores other work keeps busy a test may take many
    // times its usual time, and no test asserts on time.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
