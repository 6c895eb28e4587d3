import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { RoleOutcome } from '../reconcile/reconcileRoles.js';
import type { FileResult, FileTask } from './prepareFile.js';
import type { ReconcileTask } from './reconcileInWorker.js';

/** Where reading and extraction run: worker threads, or the calling thread (`threads` 0). */
export interface ExtractPool {
  readonly threads: number;
  /** Reads, hashes and extracts a file (see `prepareFile`). */
  run(task: FileTask): Promise<FileResult>;
  /** Files the workers hold at once between them: the caller keeps this many in flight to keep them busy. */
  readonly backlog: number;
  /** Reconciles roles from the database on the workers; null without worker threads. */
  readonly reconcile: ((task: ReconcileTask) => Promise<RoleOutcome[]>) | null;
  close(): Promise<void>;
}

/**
 * The compiled worker next to this module. Run from the TypeScript sources (under vitest) there
 * is none: worker threads load JavaScript only, so only the built `dist/` has a pool.
 */
const WORKER_FILE = fileURLToPath(new URL('./extractWorker.cjs', import.meta.url));

export const workerPoolAvailable = (): boolean => existsSync(WORKER_FILE);

/** One thread per core when the compiled worker is there, else extraction on the calling thread. */
export function defaultThreads(): number {
  return workerPoolAvailable() ? availableParallelism() : 0;
}

/**
 * Files a worker is handed ahead of its work. A commit of 500 served pages (with the first
 * reconciliation of the roles they show) holds the writer for up to half a second, in which a
 * worker extracts some 150 of them: with a shorter backlog the workers sat idle a fifth of an
 * ingest, waiting for the writer to hand them more.
 */
const TASKS_PER_WORKER = 256;

/** The ceiling of a worker's old generation (see `resourceLimits` below). */
export const WORKER_HEAP_MIB = 96;

/**
 * Whether a task failed because its worker died (out of memory, say) rather than on its own
 * file: piscina then fails every task the worker held, up to `TASKS_PER_WORKER` of them, whichever
 * file killed it. The caller tries them again alone (`tasksPerWorker` 1) to tell which.
 */
export function isWorkerLost(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' || error.message.startsWith('worker exited with code');
}

export function openExtractPool(threads: number, { tasksPerWorker = TASKS_PER_WORKER }: { tasksPerWorker?: number } = {}): ExtractPool {
  if (threads === 0) {
    let used = false;
    return {
      threads: 0,
      // Loaded on first use, so that a writer whose pool has threads never loads the readers.
      run: async (task) => {
        used = true;
        return (await import('./prepareFile.js')).prepareFile(task);
      },
      backlog: 1,
      reconcile: null,
      close: async () => {
        if (used) (await import('../store/openDatabase.js')).closeReadOnlyForThread();
      },
    };
  }
  if (!workerPoolAvailable()) {
    throw new Error(`${threads} extraction threads need the compiled worker ${WORKER_FILE}; run "npm run build", or use 0 threads`);
  }
  const piscina = new Piscina<FileTask | ReconcileTask, FileResult | RoleOutcome[]>({
    filename: WORKER_FILE,
    minThreads: threads,
    maxThreads: threads,
    // No maxQueue: the caller bounds the work in flight, so the queue never outgrows its window.
    idleTimeout: 60_000,
    // Piscina hands a worker its next task from this thread, which is busy for up to half a second
    // while it commits a batch: each worker holds a backlog of its own so that it never waits for
    // the writer. A task is a path (the worker reads the file), so a backlog costs no memory.
    concurrentTasksPerWorker: tasksPerWorker,
    // A page's garbage is short-lived and small next to V8's default young generation (48 MiB a
    // thread on 64-bit): a smaller one keeps each worker's resident memory down at no measured cost.
    // The old generation's ceiling makes V8 collect before it grows far past what is live (a few
    // MiB of code and one page's DOM). A 5 MB page of 300,000 elements goes over it: that worker
    // dies, and the ingest fails that file alone (see `isWorkerLost`).
    resourceLimits: { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: WORKER_HEAP_MIB },
  });
  return {
    threads,
    backlog: threads * tasksPerWorker,
    // The worker's default export answers a FileTask with a FileResult, `reconcile` a ReconcileTask.
    run: (task) => piscina.run(task) as Promise<FileResult>,
    reconcile: (task) => piscina.run(task, { name: 'reconcile' }) as Promise<RoleOutcome[]>,
    close: () => piscina.destroy(),
  };
}
