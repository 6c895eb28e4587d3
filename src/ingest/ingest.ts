import { resolve } from 'node:path';
import PQueue from 'p-queue';
import type { Warning } from '../schema/pageRecord.js';
import type { PageErrorCode } from '../errors.js';
import { type Capture, type CaptureOutcome, RoleStore, type StoreCounts } from '../store/roleStore.js';
import { closeReadOnlyForThread } from '../store/openDatabase.js';
import { describeStoreFailure, isDatabaseFailure } from '../store/storeError.js';
import { collectFiles } from './collectFiles.js';
import type { ReadResult } from './readCapture.js';
import { defaultThreads, openReaderPool } from './readerPool.js';

export type FileOutcome =
  | { path: string; status: 'stored'; warnings: Warning[] }
  | { path: string; status: 'skipped' }
  /** `code` is the page's `PageError` code when the page itself was refused. */
  | { path: string; status: 'failed'; reason: string; code?: PageErrorCode };

export interface IngestOptions {
  /**
   * Worker threads that read and extract files; 0 does it on this thread.
   * @default one per core (0 when run from the TypeScript sources, which have no compiled worker)
   */
  concurrency?: number;
  /**
   * Files stored per transaction at most.
   * @default DEFAULT_BATCH_SIZE
   */
  batchSize?: number;
  /**
   * Files larger than this fail with `too-large` before they are read.
   * @default the reader's cap, DEFAULT_MAX_PAGE_BYTES
   */
  maxBytes?: number;
  /**
   * Stops the run once the batch in flight is stored, or while the roles are reconciled, once
   * those in hand are written; what is left is done by running it again.
   */
  signal?: AbortSignal;
  /** Called once the files are known, before any is read. */
  onStart?: (total: number) => void;
  /** Called once per file, in input order, once its batch is committed (or it has failed). */
  onFile?: (outcome: FileOutcome, done: number, total: number) => void;
  /** Called as the roles the stored pages show are reconciled, after every page is stored. */
  onReconcile?: (done: number, total: number) => void;
}

export interface IngestSummary extends StoreCounts {
  stored: number;
  skipped: number;
  /** Each file or input not stored, once, with the reason. */
  failed: Array<{ path: string; reason: string; code?: PageErrorCode }>;
  /** Why the run stopped before its end (an interrupt, or a database that cannot be written); null when it finished. */
  stopped: string | null;
  /** The files an interrupted run did not reach, in input order: running it again stores them. */
  notReached: string[];
  /** Roles left to reconcile (by the next run) when the run stopped before the end of that. */
  pendingRoles: number;
}

/**
 * Files a transaction stores at most: short transactions, so a crash loses little and another
 * ingest on the same database waits little, and long enough that a commit's cost is shared.
 */
export const DEFAULT_BATCH_SIZE = 200;

/**
 * Ingests files and directories into the roles database (a file, or a store the caller opened
 * and closes), in two phases.
 *
 * 1. *Store the captures.* The files wait in a queue (p-queue) for the readers, which read,
 *    hash and extract each one on worker threads (files whose content is stored already are
 *    not extracted again). This thread stores them in input order, a batch a transaction, each
 *    file under a savepoint so that a bad one is rolled back alone; each capture's roles are
 *    listed as pending in the same transaction.
 * 2. *Reconcile.* Every pending role is made again from all of its stored pages, once.
 *
 * A run killed at any moment leaves every capture stored whole or not at all, and the pending
 * list for the next run to finish. A file that fails is reported and the rest go on; a database
 * that cannot be written (full, locked, read-only) stops the run, naming the files not stored.
 *
 * @example
 * const summary = await ingest('out/roles.db', ['pages/'], { onFile: (o) => console.log(o.status, o.path) });
 * console.log(`${summary.stored} stored, ${summary.failed.length} failed`);
 */
export async function ingest(database: string | RoleStore, inputs: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const store = typeof database === 'string' ? RoleStore.open(database) : database;
  const pool = openReaderPool(options.concurrency ?? defaultThreads());
  try {
    const { files, problems } = await collectFiles(inputs);
    const summary: IngestSummary = { stored: 0, skipped: 0, failed: [...problems], stopped: null, notReached: [], pendingRoles: 0, ...store.counts() };
    options.onStart?.(files.length);
    let done = 0;
    const report = (outcome: FileOutcome) => {
      if (outcome.status === 'failed') summary.failed.push(outcome.code === undefined ? { path: outcome.path, reason: outcome.reason } : { path: outcome.path, reason: outcome.reason, code: outcome.code });
      else summary[outcome.status]++;
      options.onFile?.(outcome, ++done, files.length);
    };

    // The queue holds the files of the batch being read and of the next; the readers take what they can hold.
    const queue = new PQueue({ concurrency: pool.capacity });
    const file = store.db.memory ? null : resolve(store.db.name);
    const read = (path: string): Promise<ReadResult> =>
      queue.add(() => pool.read({ path, database: file, ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }) })).catch(
        (error: unknown): ReadResult => ({ kind: 'failed', reason: `rolepages could not read it: ${error instanceof Error ? error.message : String(error)}` }),
      );
    const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
    const startBatch = (from: number) => files.slice(from, from + batchSize).map((path) => ({ path, result: read(path) }));

    // The next batch is read while this one is stored.
    let next = startBatch(0);
    for (let from = 0; from < files.length; from += batchSize) {
      const batch = next;
      next = startBatch(from + batchSize);
      const results = await Promise.all(batch.map((b) => b.result));
      const stopped = storeBatch(store, batch.map((b) => b.path), results, report);
      if (stopped !== null || options.signal?.aborted) {
        summary.stopped = stopped ?? 'interrupted';
        // The files no reader has taken are dropped; those in hand are let finish, so the pool
        // closes with nothing under way.
        queue.clear();
        await queue.onIdle();
        // After a failing database each file not stored is named once as failed; after an
        // interrupt they are not failures, only not reached yet, and the summary lists them.
        if (stopped !== null) for (const path of files.slice(from + batchSize)) report({ path, status: 'failed', reason: `not stored: the run stopped: ${stopped}` });
        else summary.notReached = files.slice(from + batchSize);
        break;
      }
    }
    if (summary.stopped === null) {
      try {
        const { left } = await store.reconcilePendingUntil(options.signal, options.onReconcile);
        // The roles not reached stay pending, and the next run reconciles them.
        if (left > 0 && options.signal?.aborted) summary.stopped = 'interrupted';
      } catch (error) {
        // The captures are stored and their roles stay pending: the next run reconciles them.
        if (!isDatabaseFailure(error)) throw error;
        summary.stopped = `the roles could not all be reconciled: ${describeStoreFailure(error)}`;
      }
    }
    Object.assign(summary, store.counts(), { pendingRoles: store.pendingCount() });
    return summary;
  } finally {
    await pool.close();
    closeReadOnlyForThread();
    if (typeof database === 'string') store.close();
  }
}

/**
 * Stores one batch and reports each of its files. Returns null, or the reason the database
 * cannot be written when it refused the whole batch (then nothing more can be stored this run).
 */
function storeBatch(store: RoleStore, paths: readonly string[], results: readonly ReadResult[], report: (outcome: FileOutcome) => void): string | null {
  const captures: Capture[] = [];
  for (const [i, result] of results.entries()) {
    if (result.kind === 'page') captures.push({ path: paths[i]!, record: result.record, capturedAt: result.capturedAt });
    else if (result.kind === 'known') captures.push({ path: paths[i]!, sha256: result.sha256 });
  }
  let outcomes: CaptureOutcome[] | null = null;
  let stopped: string | null = null;
  try {
    outcomes = store.storeCaptures(captures);
  } catch (error) {
    if (!isDatabaseFailure(error)) throw error;
    stopped = describeStoreFailure(error);
  }
  let c = 0;
  for (const [i, result] of results.entries()) {
    const path = paths[i]!;
    if (result.kind === 'failed') {
      report(result.code === undefined ? { path, status: 'failed', reason: result.reason } : { path, status: 'failed', reason: result.reason, code: result.code });
      continue;
    }
    // When the batch was rolled back, a file whose content was stored before stays stored.
    const outcome = outcomes?.[c++] ?? (result.kind === 'known' ? { status: 'skipped' as const } : { status: 'failed' as const, reason: stopped! });
    if (outcome.status === 'failed') report({ path, status: 'failed', reason: outcome.reason });
    else if (outcome.status === 'skipped') report({ path, status: 'skipped' });
    else report({ path, status: 'stored', warnings: result.kind === 'page' ? result.record.warnings : [] });
  }
  return stopped;
}
