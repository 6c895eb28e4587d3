import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { readCapture, type ReadResult, type ReadTask } from './readCapture.js';

/** Where files are read and extracted: worker threads, or the calling thread. */
export interface ReaderPool {
  readonly threads: number;
  /** Files the readers hold at once between them: keep this many in flight to keep them busy. */
  readonly capacity: number;
  read(task: ReadTask): Promise<ReadResult>;
  close(): Promise<void>;
}

/**
 * The compiled worker next to this module. Run from the TypeScript sources (under vitest) there
 * is none: worker threads load JavaScript only, so only the built `dist/` has a pool.
 */
const WORKER_FILE = fileURLToPath(new URL('./readerWorker.cjs', import.meta.url));

/** One thread per core when the compiled worker is there, else reading on the calling thread. */
export function defaultThreads(): number {
  return existsSync(WORKER_FILE) ? availableParallelism() : 0;
}

/**
 * Files a worker is handed ahead of its work: this thread hands out the next file only between
 * its commits, and a worker with none in hand would wait for it.
 */
const FILES_PER_WORKER = 16;

/**
 * The young generation of a worker's heap, in MiB. What a reader allocates for a page is garbage
 * once the page is sent: a small young generation reads as fast as V8's default one, and keeps
 * each worker's heap smaller through a long run.
 */
const READER_YOUNG_GENERATION_MIB = 8;

/**
 * The most a worker's heap may hold, in MiB: just under 2 GiB, the size from which V8 lets a heap
 * grow to about four times what it kept alive before collecting it again, instead of about twice.
 * Still far more than any page under the size cap needs.
 */
const READER_HEAP_MIB = 2047;

/**
 * A pool of `threads` readers (piscina), or the calling thread for 0. A worker's limits are far
 * above what a page under the size cap needs, so that a page `extract` reads, `ingest` reads too.
 */
export function openReaderPool(threads: number): ReaderPool {
  if (threads === 0) {
    return { threads, capacity: 1, read: (task) => readCapture(task), close: async () => {} };
  }
  if (!existsSync(WORKER_FILE)) {
    throw new Error(`no compiled worker at ${WORKER_FILE}; run "npm run build" first`);
  }
  const piscina = new Piscina<ReadTask, ReadResult>({
    filename: WORKER_FILE,
    minThreads: threads,
    maxThreads: threads,
    concurrentTasksPerWorker: FILES_PER_WORKER,
    resourceLimits: { maxYoungGenerationSizeMb: READER_YOUNG_GENERATION_MIB, maxOldGenerationSizeMb: READER_HEAP_MIB },
  });
  // An archive's page is moved to its reader, not copied: this thread is done with it.
  const read = (task: ReadTask) => piscina.run(task, task.archived ? { transferList: [task.archived.body.buffer as ArrayBuffer] } : {});
  return { threads, capacity: threads * FILES_PER_WORKER, read, close: () => piscina.destroy() };
}
