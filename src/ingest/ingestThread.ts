import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { StoreError } from '../store/storeError.js';
import type { FileOutcome, IngestOptions, IngestSummary } from './ingest.js';

/** What an ingest on its own thread reports back, in order. */
export type IngestMessage =
  | { kind: 'start'; total: number }
  | { kind: 'files'; outcomes: Array<{ outcome: FileOutcome; done: number; total: number }> }
  | { kind: 'reconcile'; done: number; total: number }
  | { kind: 'done'; summary: IngestSummary }
  | { kind: 'failed'; message: string; storeError: boolean };

/** What the ingest thread is given: the database and inputs, and the options that are data. */
export interface IngestThreadData {
  db: string;
  inputs: string[];
  options: Omit<IngestOptions, 'onFile' | 'onStart' | 'onReconcile' | 'onBatch'>;
}

const WORKER_FILE = fileURLToPath(new URL('./ingestWorker.js', import.meta.url));

/**
 * The heap of the thread that writes. Left to itself V8 lets a main thread's old generation grow
 * to 130 MB and more while some 40 MB is live (the records in flight, the evidence cache): on
 * 10,000 text captures the process peaked at 394 MiB. A ceiling makes it collect sooner (287 MiB
 * with this one and the workers'). What the writer holds is bounded (a window of pages, a capped
 * cache), well below it.
 */
const WRITER_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 128 };

/**
 * Runs `ingest` on a thread of its own, with a bounded heap, and relays its progress to the
 * callbacks here. The process stays one process: killed, it stops whole, and the database is as
 * the last committed batch left it. Rejects with a StoreError when the database cannot be used.
 */
export function ingestOnThread(db: string, inputs: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const { onFile, onStart, onReconcile, onBatch, ...data } = options;
  const workerData: IngestThreadData = { db, inputs: [...inputs], options: data };
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_FILE, { workerData, resourceLimits: WRITER_LIMITS });
    let settled = false;
    worker.on('message', (message: IngestMessage) => {
      switch (message.kind) {
        case 'start':
          onStart?.(message.total);
          break;
        case 'files':
          for (const f of message.outcomes) onFile?.(f.outcome, f.done, f.total);
          onBatch?.();
          break;
        case 'reconcile':
          onReconcile?.(message.done, message.total);
          break;
        case 'done':
          settled = true;
          resolve(message.summary);
          break;
        case 'failed':
          settled = true;
          reject(message.storeError ? new StoreError(message.message) : new Error(message.message));
          break;
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the ingest thread stopped (exit code ${code}) before it finished; run the same ingest again to store what is missing`));
    });
  });
}

/** Whether the compiled thread is there: run from the TypeScript sources there is none. */
export const ingestThreadAvailable = (): boolean => existsSync(WORKER_FILE);

/**
 * Ingests into the database in `db`: on a thread of its own when the compiled code is there (as
 * the CLI runs), else on this one (under the test runner, from the sources).
 */
export async function runIngest(db: string, inputs: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  if (ingestThreadAvailable()) return ingestOnThread(db, inputs, options);
  const [{ RoleStore }, { ingest }] = await Promise.all([import('../store/roleStore.js'), import('./ingest.js')]);
  const store = RoleStore.open(db);
  try {
    return await ingest(store, inputs, options);
  } finally {
    store.close();
  }
}
