import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { extractFile, type Extracted, type ExtractTask } from './extractFile.js';

/** Where reading and extraction run: worker threads, or the calling thread (`threads` 0). */
export interface ExtractPool {
  readonly threads: number;
  run(task: ExtractTask): Promise<Extracted>;
  close(): Promise<void>;
}

/**
 * The compiled worker next to this module. Run from the TypeScript sources (under vitest) there
 * is none: worker threads load JavaScript only, so only the built `dist/` has a pool.
 */
const WORKER_FILE = fileURLToPath(new URL('./extractWorker.js', import.meta.url));

export const workerPoolAvailable = (): boolean => existsSync(WORKER_FILE);

/** One thread per core when the compiled worker is there, else extraction on the calling thread. */
export function defaultThreads(): number {
  return workerPoolAvailable() ? availableParallelism() : 0;
}

export function openExtractPool(threads: number): ExtractPool {
  if (threads === 0) {
    return {
      threads: 0,
      run: async (task) => extractFile(task),
      close: async () => undefined,
    };
  }
  if (!workerPoolAvailable()) {
    throw new Error(`${threads} extraction threads need the compiled worker ${WORKER_FILE}; run "npm run build", or use 0 threads`);
  }
  const piscina = new Piscina<ExtractTask, Extracted>({
    filename: WORKER_FILE,
    minThreads: threads,
    maxThreads: threads,
    // No maxQueue: the caller bounds the work in flight, so the queue never outgrows its window.
    idleTimeout: 60_000,
    // Piscina hands a worker its next task from this thread, which is busy while it commits a
    // batch: each worker holds a backlog of its own so that it never waits for the writer.
    concurrentTasksPerWorker: 8,
  });
  return {
    threads,
    run: (task) => piscina.run(task),
    close: () => piscina.destroy(),
  };
}
