import { resolve } from 'node:path';
import PQueue from 'p-queue';
import type { Warning } from '../schema/pageRecord.js';
import type { PageErrorCode } from '../errors.js';
import { type Capture, type CaptureOutcome, RoleStore, type StoreCounts } from '../store/roleStore.js';
import { closeReadOnlyForThread } from '../store/openDatabase.js';
import { describeStoreFailure, isDatabaseFailure } from '../store/storeError.js';
import { NOT_A_COMPARISON } from '../extract/extractArchive.js';
import { isArchiveName } from '../read/archive/archiveName.js';
import { DEFAULT_MAX_PAGE_BYTES } from '../read/pageFile.js';
import { collectFiles } from './collectFiles.js';
import { type CaptureRead, inputCaptures, type PendingCapture } from './inputCaptures.js';
import type { ReadResult, ReadTask } from './readCapture.js';
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
  /**
   * Web archive records that are no page of the site's comparisons, passed over: requests,
   * metadata, images, scripts, redirects, 404s, the site's other pages.
   */
  passedOver: number;
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
    const summary: IngestSummary = { stored: 0, skipped: 0, failed: [...problems], passedOver: 0, stopped: null, notReached: [], pendingRoles: 0, ...store.counts() };
    // An archive's captures are known as it is read: the total grows with them.
    let total = files.filter((path) => !isArchiveName(path)).length;
    options.onStart?.(total);
    let done = 0;
    const report = (outcome: FileOutcome) => {
      if (outcome.status === 'failed') summary.failed.push(outcome.code === undefined ? { path: outcome.path, reason: outcome.reason } : { path: outcome.path, reason: outcome.reason, code: outcome.code });
      else summary[outcome.status]++;
      options.onFile?.(outcome, ++done, total);
    };
    const passOver = () => summary.passedOver++;

    // The queue holds the files of the batch being read and of the next; the readers take what they can hold.
    const queue = new PQueue({ concurrency: pool.capacity });
    const file = store.db.memory ? null : resolve(store.db.name);
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_PAGE_BYTES;
    const read = (task: ReadTask): Promise<ReadResult> =>
      queue.add(() => pool.read(task)).catch(
        (error: unknown): ReadResult => ({ kind: 'failed', reason: `rolepages could not read it: ${error instanceof Error ? error.message : String(error)}`, code: 'internal' }),
      );
    const { captures, notReached } = inputCaptures(files, (path) => read({ path, database: file, ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }) }), {
      database: file,
      maxBytes,
      // An archive is read no further than the readers' queue has room for: its pages wait
      // there, not in memory ahead of it.
      read: async (task) => {
        await queue.onSizeLessThan(pool.capacity);
        return { result: read(task) };
      },
      passOver,
    });
    const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
    // Set once the run stops: an archive is read no further.
    let halted = false;
    const takeBatch = async (): Promise<PendingCapture[]> => {
      const batch: PendingCapture[] = [];
      while (batch.length < batchSize && !halted) {
        const next = await captures.next();
        if (next.done) break;
        if (next.value.archived) total++;
        batch.push(next.value);
      }
      return batch;
    };

    try {
      // The next batch is read while this one is stored.
      let next = takeBatch();
      while (true) {
        const batch = await next;
        if (batch.length === 0) break;
        next = takeBatch();
        const results = await Promise.all(batch.map((b) => b.result));
        const stopped = storeBatch(store, batch, results, report, () => {
          total--;
          passOver();
        });
        if (stopped !== null || options.signal?.aborted) {
          summary.stopped = stopped ?? 'interrupted';
          halted = true;
          // The captures no reader has taken are dropped; those in hand are let finish, so the
          // pool closes with nothing under way.
          queue.clear();
          await queue.onIdle();
          const taken = await next.catch(() => []);
          // After a failing database each capture or input not stored is named once as failed.
          if (stopped !== null) {
            for (const path of [...taken.map((b) => b.path), ...notReached()]) report({ path, status: 'failed', reason: `not stored: the run stopped: ${stopped}` });
          } else {
            // After an interrupt they are not failures, only not reached yet: the summary lists them.
            summary.notReached = [...taken.map((b) => b.path), ...notReached()];
          }
          break;
        }
      }
    } finally {
      // Closes the archive being read, if the run stopped inside one.
      await captures.return(undefined);
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
 * Stores one batch and reports each of its captures. Returns null, or the reason the database
 * cannot be written when it refused the whole batch (then nothing more can be stored this run).
 * An archive's record that turns out to be no comparison page (the site's home page, a listing,
 * a revisit of such a page) is passed over, not reported.
 */
function storeBatch(
  store: RoleStore,
  batch: readonly PendingCapture[],
  results: readonly CaptureRead[],
  report: (outcome: FileOutcome) => void,
  passOver: () => void,
): string | null {
  const captures: Capture[] = [];
  for (const [i, result] of results.entries()) {
    const { path } = batch[i]!;
    if (result.kind === 'page') captures.push({ path, record: result.record, capturedAt: result.capturedAt, timeSource: result.timeSource });
    else if (result.kind === 'known') captures.push({ path, sha256: result.sha256, url: result.url, capturedAt: result.capturedAt, timeSource: result.timeSource });
    else if (result.kind === 'revisit') captures.push({ path, refersTo: result.refersTo, url: result.url, capturedAt: result.capturedAt, timeSource: result.timeSource });
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
    const { path, archived } = batch[i]!;
    if (result.kind === 'failed') {
      if (archived && NOT_A_COMPARISON.has(result.code)) passOver();
      else report({ path, status: 'failed', reason: result.reason, code: result.code });
      continue;
    }
    // When the batch was rolled back, content stored before is not lost, but this capture of it is not stored.
    const outcome = outcomes?.[c++] ?? { status: 'failed' as const, reason: stopped! };
    if (outcome.status === 'failed') report({ path, status: 'failed', reason: outcome.reason });
    else if (outcome.status === 'unresolved') passOver();
    else if (outcome.status === 'skipped') report({ path, status: 'skipped' });
    else report({ path, status: 'stored', warnings: result.kind === 'page' ? result.record.warnings : [] });
  }
  return stopped;
}
