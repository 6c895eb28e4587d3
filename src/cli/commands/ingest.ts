import { lstat } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_BATCH_SIZE, type FileOutcome, ingest, type IngestSummary } from '../../ingest/ingest.js';
import { defaultThreads } from '../../ingest/readerPool.js';
import { progressFor } from '../../ingest/progress.js';
import { RunReport } from '../../ingest/runReport.js';
import { RoleStore } from '../../store/roleStore.js';
import { StoreError } from '../../store/storeError.js';
import { maxSizeOption } from './maxSize.js';
import { plural } from '../../words.js';
import { printable } from '../../printable.js';
import { DEFAULT_DB } from './defaults.js';
import { pathProblem } from './pathProblem.js';

interface IngestCommandOptions {
  db: string;
  concurrency?: number;
  maxSize: number;
  quiet?: boolean;
  report?: string;
  batchSize?: number;
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('extract every page, store it and reconcile the roles it shows (files whose content is stored are skipped)')
    .argument('<paths...>', 'saved pages and web archives, or directories to walk for *.html *.htm *.txt *.md *.mhtml *.mht *.warc *.warc.gz')
    .option('--db <file>', 'the SQLite database to write', DEFAULT_DB)
    .option('--concurrency <n>', 'worker threads reading and extracting pages (default: one per core)', positive('--concurrency'))
    .option('--quiet', 'no progress on stderr (failures and the summary line are still printed)')
    .option('--report <file>', "write a JSON report: each file's status, reason and warnings")
    .option('--batch-size <n>', `files stored per transaction at most (default ${DEFAULT_BATCH_SIZE})`, positive('--batch-size'))
    .addOption(maxSizeOption())
    .action(async (paths: string[], options: IngestCommandOptions) => {
      // A path that names nothing is a mistake in the command, said before anything is done.
      for (const path of paths) {
        const problem = await lstat(path).then(
          () => undefined,
          (error: unknown) => pathProblem(path, error),
        );
        if (problem === undefined) continue;
        process.stderr.write(`rolepages ingest: ${problem}\n`);
        process.exitCode = 2;
        return;
      }
      // Opened here first, and closed: a database that cannot be used is one line and status 2
      // before anything else happens (the report file included), and it is migrated once.
      try {
        RoleStore.open(options.db).close();
      } catch (error) {
        if (!(error instanceof StoreError)) throw error;
        process.stderr.write(`rolepages ingest: ${error.message}\n`);
        process.exitCode = 2;
        return;
      }
      let report: RunReport | undefined;
      try {
        if (options.report) report = new RunReport(options.report);
      } catch (error) {
        process.stderr.write(`rolepages ingest: ${options.report}: cannot write the report (${(error as NodeJS.ErrnoException).code ?? String(error)}); check the path\n`);
        process.exitCode = 2;
        return;
      }
      const progress = progressFor(process.stderr, { quiet: options.quiet === true });
      // Ctrl-C (or a SIGTERM) ends the run after the batch in flight is committed; a second one
      // ends it at once, which loses nothing either (the batch is rolled back whole).
      const interrupt = new AbortController();
      let signal: NodeJS.Signals | null = null;
      const onSignal = (name: NodeJS.Signals) => {
        if (signal !== null) process.exit(exitStatusOf(name));
        signal = name;
        interrupt.abort();
      };
      process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
      let failedFiles = 0;
      let summary: IngestSummary;
      try {
        summary = await ingest(options.db, paths, {
          concurrency: options.concurrency ?? defaultThreads(),
          maxBytes: options.maxSize,
          signal: interrupt.signal,
          ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
          onStart: (total) => progress.start(total),
          onFile: (outcome: FileOutcome, done, total) => {
            if (outcome.status === 'failed') failedFiles++;
            report?.add(outcome);
            progress.file(outcome, done, total);
          },
          onReconcile: (done, total) => progress.reconciling(done, total),
        });
      } catch (error) {
        progress.stop();
        if (!(error instanceof StoreError)) throw error;
        process.stderr.write(`rolepages ingest: ${error.message}\n`);
        process.exitCode = 2;
        return;
      } finally {
        process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      }
      progress.stop();
      // Inputs that could not be walked come first in the summary and are no file's outcome.
      report?.finish(summary, summary.failed.slice(0, summary.failed.length - failedFiles));
      for (const f of summary.failed) process.stderr.write(`rolepages ingest: ${printable(f.path)}: ${f.reason}\n`);
      if (signal !== null) {
        process.stderr.write(`rolepages ingest: interrupted; ${plural(summary.stored, 'file')} stored; run the same command again to finish\n`);
      } else if (summary.stopped !== null) {
        process.stderr.write(`rolepages ingest: stopped: ${summary.stopped}\n`);
      }
      process.stdout.write(`${summaryLine(summary)}\n`);
      process.exitCode = signal !== null ? exitStatusOf(signal) : summary.failed.length > 0 || summary.stopped !== null ? 1 : 0;
    });
}

/** The shell's status for a process ended by a signal: 128 + its number. */
function exitStatusOf(signal: NodeJS.Signals): number {
  return signal === 'SIGTERM' ? 143 : 130;
}

export function summaryLine(s: IngestSummary): string {
  return (
    `${plural(s.stored, 'file')} stored, ${s.skipped} skipped, ${s.failed.length} failed; ` +
    `${plural(s.roles, 'role')} from ${plural(s.pages, 'page')} (${plural(s.captures, 'capture')}); ${plural(s.conflicts, 'conflicting field')}` +
    (s.passedOver > 0 ? `; ${plural(s.passedOver, 'archive record')} passed over (not comparison pages)` : '')
  );
}

function positive(flag: string): (text: string) => number {
  return (text) => {
    const n = Number(text);
    if (text.trim() === '' || !Number.isInteger(n) || n < 1) {
      throw new InvalidArgumentError(`Expected \`${flag}\` to be a number from 1 and up, got \`${text}\``);
    }
    return n;
  };
}
