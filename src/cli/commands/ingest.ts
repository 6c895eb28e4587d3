import { InvalidArgumentError, type Command } from 'commander';
import { ingest, type IngestSummary } from '../../ingest/ingest.js';
import { RoleStore } from '../../store/roleStore.js';
import { StoreError } from '../../store/storeError.js';
import { maxSizeOption } from './maxSize.js';

export const DEFAULT_DB = 'out/roles.db';

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('extract every page, store it and reconcile the roles it shows (files whose content is stored are skipped)')
    .argument('<paths...>', 'saved pages, or directories to walk for *.html *.htm *.txt *.md')
    .option('--db <file>', 'the SQLite database to write', DEFAULT_DB)
    .option('--concurrency <n>', 'files read ahead at once', positiveInteger, 4)
    .addOption(maxSizeOption())
    .action(async (paths: string[], options: { db: string; concurrency: number; maxSize: number }) => {
      let store: RoleStore;
      try {
        store = RoleStore.open(options.db);
      } catch (error) {
        if (!(error instanceof StoreError)) throw error;
        process.stderr.write(`rolepages ingest: ${error.message}\n`);
        process.exitCode = 2;
        return;
      }
      try {
        // Progress only for a person watching: scripts reading stderr get just the failures.
        const progress = process.stderr.isTTY
          ? (_: unknown, done: number, total: number) => process.stderr.write(`\r${done}/${total} files`)
          : undefined;
        const summary = await ingest(store, paths, { concurrency: options.concurrency, onFile: progress, maxBytes: options.maxSize });
        if (progress) process.stderr.write('\r\x1b[K');
        for (const f of summary.failed) process.stderr.write(`rolepages ingest: ${f.path}: ${f.reason}\n`);
        process.stdout.write(`${summaryLine(summary)}\n`);
        process.exitCode = summary.failed.length > 0 ? 1 : 0;
      } finally {
        store.close();
      }
    });
}

export function summaryLine(s: IngestSummary): string {
  return (
    `${s.stored} pages stored, ${s.skipped} skipped, ${s.failed.length} failed; ` +
    `${s.roles} roles (from ${s.pages} pages); ${s.conflicts} conflicting fields`
  );
}

function positiveInteger(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}
