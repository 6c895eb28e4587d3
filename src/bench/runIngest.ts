import { ingest } from '../ingest/ingest.js';

/**
 * One measured ingest, run by the benchmark in a child process of its own so that its peak RSS
 * (this process and its worker threads) is the ingest's alone:
 * `node dist/bench/runIngest.js INPUT DB` (a folder, or a web archive) prints `{ seconds, maxRssMiB, stored, skipped, failed }`.
 */
const [dir, db] = process.argv.slice(2);
if (!dir || !db) {
  process.stderr.write('usage: node dist/bench/runIngest.js INPUT DB\n');
  process.exit(2);
}
const started = performance.now();
const summary = await ingest(db, [dir]);
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `${JSON.stringify({
    seconds,
    // resourceUsage's maxRSS is in KiB and covers the whole process, worker threads included.
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    stored: summary.stored,
    skipped: summary.skipped,
    failed: summary.failed.length,
    firstFailure: summary.failed[0] ?? null,
  })}\n`,
);
