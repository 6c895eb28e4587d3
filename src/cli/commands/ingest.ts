import { lstat } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_BATCH_SIZE, type FileOutcome, ingest, type IngestSummary } from '../../ingest/ingest.js';
import { defaultThreads } from '../../ingest/readerPool.js';
import { exitStatusOf, Interrupts } from '../../ingest/interrupts.js';
import { progressFor } from '../../ingest/progress.js';
import { RunReport } from '../../ingest/runReport.js';
import { RoleStore } from '../../store/roleStore.js';
import { COMMAND_HELP } from '../commandHelp.js';
import { maxSizeOption } from './maxSize.js';
import { holdings, plural } from '../../words.js';
import { printable } from '../../printable.js';
import { dbOption } from './defaults.js';
import { pathProblem } from './pathProblem.js';
import { advice, fail, namesTheDatabase, outputProblem, pageAdvice, say } from './userError.js';

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
    .description(COMMAND_HELP.ingest.description)
    .argument('<paths...>', 'saved pages and web archives, or directories to walk for *.html *.htm *.txt *.md *.mhtml *.mht *.warc *.warc.gz')
    .addOption(dbOption())
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
        fail('ingest', problem);
        return;
      }
      const refusal = options.report === undefined ? undefined : namesTheDatabase(options.report, options.db);
      if (refusal !== undefined) {
        fail('ingest', refusal);
        return;
      }
      // Opened here first, and closed: a database that cannot be used is one line and status 2
      // before anything else happens (the report file included), and it is migrated once.
      try {
        RoleStore.open(options.db).close();
      } catch (error) {
        const line = advice(error);
        if (line === undefined) throw error;
        fail('ingest', line);
        return;
      }
      let report: RunReport | undefined;
      try {
        if (options.report) report = new RunReport(options.report);
      } catch (error) {
        fail('ingest', `${printable(options.report!)}: ${outputProblem('the report', error as NodeJS.ErrnoException)}`);
        return;
      }
      const progress = progressFor(process.stderr, { quiet: options.quiet === true });
      const interrupts = new Interrupts(progress);
      const onSignal = interrupts.handle;
      process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
      let failedFiles = 0;
      let summary: IngestSummary;
      try {
        summary = await ingest(options.db, paths, {
          concurrency: options.concurrency ?? defaultThreads(),
          maxBytes: options.maxSize,
          signal: interrupts.signal,
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
        const line = advice(error);
        if (line === undefined) throw error;
        fail('ingest', line);
        return;
      } finally {
        process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      }
      progress.stop();
      // Inputs that could not be walked come first in the summary and are no file's outcome.
      report?.finish(summary, summary.failed.slice(0, summary.failed.length - failedFiles));
      for (const f of summary.failed) say('ingest', `${printable(f.path)}: ${pageAdvice(f.code, f.reason)}`);
      const signal = interrupts.received;
      if (signal !== null) {
        say('ingest', `interrupted; ${plural(summary.stored, 'file')} stored; run the same command again to finish`);
      } else if (summary.stopped !== null) {
        say('ingest', `stopped: ${summary.stopped}; once that is fixed (or with another --db), run the same command again to store the rest`);
      }
      process.stdout.write(`${summaryLine(summary)}\n`);
      process.exitCode = signal !== null ? exitStatusOf(signal) : summary.failed.length > 0 || summary.stopped !== null ? 1 : 0;
    });
}

export function summaryLine(s: IngestSummary): string {
  return (
    `${plural(s.stored, 'file')} stored, ${s.skipped} skipped, ${s.failed.length} failed; ` +
    holdings({ ...s, conflictingFields: s.conflicts }) +
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
