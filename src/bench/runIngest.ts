import { ingest } from '../ingest/ingest.js';

/**
 * One measured ingest, run by the benchmark in a child process of its own so that its peak RSS
 * (this process and its worker threads) is the ingest's alone:
 * `node dist/bench/runIngest.js INPUT DB` (a folder, or a web archive) prints `{ seconds, maxRssMiB, cpuSeconds, stored, skipped, failed }`.
 */
const [dir, db] = process.argv.slice(2);
if (!dir || !db) {
  process.stderr.write('usage: node dist/bench/runIngest.js INPUT DB\n');
  process.exit(2);
}
const started = performance.now();
const summary = await ingest(db, [dir]);
const seconds = (performance.now() - started) / 1000;
const usage = process.resourceUsage();
process.stdout.write(
  `${JSON.stringify({
    seconds,
    // resourceUsage covers the whole process, worker threads included: maxRSS in KiB, CPU times in µs.
    maxRssMiB: usage.maxRSS / 1024,
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    stored: summary.stored,
    skipped: summary.skipped,
    failed: summary.failed.length,
    firstFailure: summary.failed[0] ?? null,
  })}\n`,
);
