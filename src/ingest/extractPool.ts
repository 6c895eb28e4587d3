import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { RoleOutcome } from '../reconcile/reconcileRoles.js';
import type { Extracted, ExtractTask } from './extractFile.js';
import type { ReconcileTask } from './reconcileInWorker.js';

/** Where reading and extraction run: worker threads, or the calling thread (`threads` 0). */
export interface ExtractPool {
  readonly threads: number;
  /** The task's bytes may be moved to the worker: the caller must not use them afterwards. */
  run(task: ExtractTask): Promise<Extracted>;
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

export function openExtractPool(threads: number): ExtractPool {
  if (threads === 0) {
    return {
      threads: 0,
      // Loaded on first use, so that a writer whose pool has threads never loads the readers.
      run: async (task) => (await import('./extractFile.js')).extractFile(task),
      reconcile: null,
      close: async () => undefined,
    };
  }
  if (!workerPoolAvailable()) {
    throw new Error(`${threads} extraction threads need the compiled worker ${WORKER_FILE}; run "npm run build", or use 0 threads`);
  }
  const piscina = new Piscina<ExtractTask | ReconcileTask, Extracted | RoleOutcome[]>({
    filename: WORKER_FILE,
    minThreads: threads,
    maxThreads: threads,
    // No maxQueue: the caller bounds the work in flight, so the queue never outgrows its window.
    idleTimeout: 60_000,
    // Piscina hands a worker its next task from this thread, which is busy for a tenth of a second
    // or more while it commits a batch: each worker holds a backlog of its own (64 text captures
    // are a few milliseconds' work each) so that it never waits for the writer. What is read ahead
    // is bounded by the caller's byte budget.
    concurrentTasksPerWorker: 64,
    // A page's garbage is short-lived and small next to V8's default young generation (48 MiB a
    // thread on 64-bit): a smaller one keeps each worker's resident memory down at no measured cost.
    // The old generation's ceiling makes V8 collect before it grows far past what is live (a few
    // MiB of code and one page's DOM); a 5 MB page of hostile markup stays well under it.
    resourceLimits: { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 96 },
  });
  return {
    threads,
    // Moved rather than copied when the bytes own their buffer (a file read whole does): a served
    // page is then never held twice, once here and once in the worker.
    // The worker's default export answers an ExtractTask with an Extracted, `reconcile` a ReconcileTask.
    run: (task) => piscina.run(task, ownsBuffer(task.bytes) ? { transferList: [task.bytes.buffer] } : {}) as Promise<Extracted>,
    reconcile: (task) => piscina.run(task, { name: 'reconcile' }) as Promise<RoleOutcome[]>,
    close: () => piscina.destroy(),
  };
}

function ownsBuffer(bytes: Uint8Array): bytes is Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
}
