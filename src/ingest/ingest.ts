import { resolve } from 'node:path';
import PQueue from 'p-queue';
import { PageError } from '../errors.js';
import { readPageFileOrReason } from '../read/pageFile.js';
import type { Warning } from '../schema/pageRecord.js';
import type { BatchPage, BatchResult, RoleStore } from '../store/roleStore.js';
import { catchUpRoles } from './catchUpRoles.js';
import { collectFiles } from './collectFiles.js';
import { defaultThreads, type ExtractPool, isWorkerLost, openExtractPool, WORKER_HEAP_MIB } from './extractPool.js';
import type { FileResult, FileTask } from './prepareFile.js';

export type FileOutcome =
  | { path: string; status: 'stored'; warnings: Warning[] }
  | { path: string; status: 'skipped' }
  | { path: string; status: 'failed'; reason: string };

export interface IngestOptions {
  /**
   * Worker threads that read and extract pages (default one per core; 0 extracts on this
   * thread, which is also what running from the TypeScript sources gives).
   */
  concurrency?: number;
  /** Pages stored per transaction at most (default `DEFAULT_BATCH_SIZE`). */
  batchSize?: number;
  /** Called once per file, in input order, once its page is committed (or has failed). */
  onFile?: (outcome: FileOutcome, done: number, total: number) => void;
  /** Called once the files are known, before any is read. */
  onStart?: (total: number) => void;
  /** Files larger than this fail with `too-large` before they are read (default: the reader's cap). */
  maxBytes?: number;
  /** Called once a batch is committed and each of its files has been passed to `onFile`. */
  onBatch?: () => void;
  /** Called as the roles the run's pages touched are reconciled, after every page is stored. */
  onReconcile?: (done: number, total: number) => void;
}

export interface IngestSummary {
  stored: number;
  skipped: number;
  failed: Array<{ path: string; reason: string }>;
  /** Totals in the database afterwards. */
  pages: number;
  roles: number;
  conflicts: number;
}

/**
 * Pages prepared ahead of the writer: a record is a few KB, so this is a few MB. Enough to cover
 * a batch's commit (the workers go on with the files they were handed while the writer is busy);
 * 1,024 cost 20 MiB more at the peak on 10,000 flattened captures for no speed.
 */
const PAGES_AHEAD = 512;
/**
 * A batch is committed early, with at least this many pages, when the next page is still being
 * extracted: on served pages the workers are the bottleneck and the writer waits for them, so it
 * may as well commit. Otherwise the last full batch (half a second of storing and reconciling)
 * would be left for after the last extraction, with the workers idle. Text captures come faster
 * than they are stored, so their batches stay full.
 */
const IDLE_COMMIT_PAGES = 100;
/** A batch is committed after this long even if not full, so a crash loses little work. */
const BATCH_MILLISECONDS = 1000;
/**
 * Pages a transaction stores at most. A page's rows land all over the observations index, and a
 * commit writes every index page a batch touched: 500 pages share them better than 100 (about
 * 15 % faster on 10,000 text captures), and the time cap above still commits at least every second.
 */
export const DEFAULT_BATCH_SIZE = 500;

/** A file between reading and storing: its page to store, or why it has none. */
type Prepared = { kind: 'page'; page: BatchPage; warnings: Warning[] } | { kind: 'failed'; reason: string };

/**
 * Ingests files and directories into the store. Files wait in a queue (p-queue) for the pool of
 * worker threads, which read and hash each one and skip those whose content is stored already
 * before any parsing; the others they extract. This thread is the one writer: it takes the
 * pages back in input order and stores them a batch per transaction, so a run is reproducible and
 * a run killed at any moment leaves every page stored whole or not at all. Roles already stored
 * are reconciled once, after the last page (the workers read and reconcile, this thread writes);
 * until then `pending_roles` lists them, and a run killed before leaves the list to the next. Only a bounded window
 * of files is in flight, so memory does not grow with the corpus. A file that fails is reported
 * and the rest go on.
 */
export async function ingest(store: RoleStore, inputs: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  // Opened first: the workers load their modules (a third of a second) while the inputs are walked.
  const pool = openExtractPool(options.concurrency ?? defaultThreads());
  let collected: Awaited<ReturnType<typeof collectFiles>>;
  try {
    collected = await collectFiles(inputs);
  } catch (error) {
    await pool.close();
    throw error;
  }
  const { files, problems } = collected;
  const summary: IngestSummary = { stored: 0, skipped: 0, failed: [...problems], pages: 0, roles: 0, conflicts: 0 };
  const total = files.length;
  options.onStart?.(total);

  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const window = PAGES_AHEAD;
  // Files wait here for the workers, as many handed to them as they hold between them. Reading is
  // theirs too: no bytes pass through this thread, which commits the batches.
  const handed = new PQueue({ concurrency: pool.backlog });
  const database = store.file;
  const { maxBytes } = options;
  // Files whose worker died while holding them are read again one at a time, on a thread of their
  // own, so that only the file that kills a worker fails (opened on the first such death).
  const isolated: { pool: ExtractPool | null } = { pool: null };
  const prepare = (path: string): Promise<Prepared> => {
    const task: FileTask = maxBytes === undefined ? { path, database } : { path, maxBytes, database };
    return handed
      .add(() => pool.run(task))
      .catch((error: unknown) => {
        if (!isWorkerLost(error) || pool.threads === 0) throw error;
        isolated.pool ??= openExtractPool(1, { tasksPerWorker: 1 });
        return isolated.pool.run(task);
      })
      .then(
        (result) => toPrepared(resolve(path), result),
        (error: unknown) => ({ kind: 'failed' as const, reason: workerFailure(error) }),
      );
  };
  const toPrepared = (identity: string, result: FileResult): Prepared => {
    switch (result.kind) {
      case 'failed':
        return { kind: 'failed', reason: result.reason };
      case 'known':
        return { kind: 'page', page: { path: identity, sha256: result.sha256 }, warnings: [] };
      case 'page':
        return { kind: 'page', page: { path: identity, record: result.record }, warnings: result.record.warnings };
    }
  };

  let done = 0;
  const report = (outcome: FileOutcome) => {
    if (outcome.status === 'failed') summary.failed.push({ path: outcome.path, reason: outcome.reason });
    else summary[outcome.status]++;
    options.onFile?.(outcome, ++done, total);
  };

  let batch: Array<{ path: string; prepared: Prepared }> = [];
  let batchStarted = 0;
  const commit = async () => {
    const pages = batch.flatMap((b) => (b.prepared.kind === 'page' ? [b.prepared.page] : []));
    // Roles already stored wait in pending_roles for the catch-up at the end of the run.
    const results = store.storeBatch(pages, { deferStoredRoles: true });
    let r = 0;
    for (const { path, prepared } of batch) {
      if (prepared.kind === 'failed') {
        report({ path, status: 'failed', reason: prepared.reason });
        continue;
      }
      const result = results[r++]!;
      report(result.status === 'gone' ? await storeAfterAll(store, path, prepared.page.path, options.maxBytes) : outcomeOf(path, result, prepared.warnings));
    }
    batch = [];
    options.onBatch?.();
  };

  try {
    const ahead: Array<Pending<Prepared>> = [];
    for (let i = 0; i < Math.min(window, total); i++) ahead.push(pending(prepare(files[i]!)));
    for (let i = 0; i < total; i++) {
      const first = ahead.shift()!;
      // The writer would only wait for the workers: it stores what it holds meanwhile, so that
      // little is left to commit once the last page is extracted. A result may have arrived and
      // not been delivered yet (messages wait for a turn of the event loop): one turn first.
      if (!first.settled && batch.length >= IDLE_COMMIT_PAGES) {
        await new Promise<void>((next) => setImmediate(next));
        if (!first.settled) await commit();
      }
      const prepared = await first.promise;
      const next = files[i + window];
      if (next !== undefined) ahead.push(pending(prepare(next)));
      // The clock starts with the batch's first page, not when the last commit ended: the first
      // batch would otherwise hold the one page that came after the workers' start-up.
      if (batch.length === 0) batchStarted = Date.now();
      batch.push({ path: files[i]!, prepared });
      if (batch.length >= batchSize || Date.now() - batchStarted >= BATCH_MILLISECONDS) await commit();
    }
    if (batch.length > 0) await commit();
    // Roles already stored were only listed as pending by each batch: a role on hundreds of
    // pages is reconciled once, here, rather than with every batch that shows it. The list also
    // holds what a run killed before this point left.
    await catchUpRoles(store, pool, options.onReconcile);
  } finally {
    await Promise.all([pool.close(), isolated.pool?.close()]);
  }
  Object.assign(summary, store.counts());
  return summary;
}

/** A promise and whether it has settled, which a promise alone does not tell. */
interface Pending<T> {
  promise: Promise<T>;
  settled: boolean;
}

function pending<T>(promise: Promise<T>): Pending<T> {
  const entry: Pending<T> = { promise, settled: false };
  promise.then(
    () => (entry.settled = true),
    () => (entry.settled = true),
  );
  return entry;
}

/** Why a file has no page when its worker failed it: one line, naming what the user can do. */
function workerFailure(error: unknown): string {
  if (error instanceof Error && (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return `reading it took more memory than the reader's thread has (${WORKER_HEAP_MIB} MiB), far more than a served page ever needs; check that the file is one saved page`;
  }
  return `rolepages could not read it: ${error instanceof Error ? error.message : String(error)}`;
}

function outcomeOf(path: string, result: BatchResult, warnings: Warning[]): FileOutcome {
  switch (result.status) {
    case 'stored':
      return { path, status: 'stored', warnings };
    case 'skipped':
      return { path, status: 'skipped' };
    case 'failed':
      return { path, status: 'failed', reason: result.reason };
    case 'gone':
      return { path, status: 'failed', reason: 'its content was replaced while it was being stored; ingest it again' };
  }
}

/**
 * A file skipped by its hash whose stored copy an earlier page of the batch replaced (the same
 * content moved between paths in one run): it is read, extracted and stored here after all.
 */
async function storeAfterAll(store: RoleStore, path: string, identity: string, maxBytes: number | undefined): Promise<FileOutcome> {
  const bytes = readPageFileOrReason(path, maxBytes);
  if (bytes instanceof PageError) return { path, status: 'failed', reason: bytes.reason };
  // Loaded here, not with this module: the writer extracts nothing else, and the readers weigh.
  const { extractFile } = await import('./extractFile.js');
  const extracted = extractFile({ path, bytes });
  if (!extracted.ok) return { path, status: 'failed', reason: extracted.reason };
  const [result] = store.storeBatch([{ path: identity, record: extracted.record }]);
  return outcomeOf(path, result!, extracted.record.warnings);
}
