import { parentPort, workerData } from 'node:worker_threads';
import { RoleStore } from '../store/roleStore.js';
import { StoreError } from '../store/storeError.js';
import { ingest, type FileOutcome } from './ingest.js';
import type { IngestMessage, IngestThreadData } from './ingestThread.js';

/**
 * The ingest thread (see `ingestOnThread`): opens the store, ingests, and posts progress. File
 * outcomes are posted a batch at a time, once their batch is committed, not one message a file.
 */
const { db, inputs, options } = workerData as IngestThreadData;
const post = (message: IngestMessage) => parentPort!.postMessage(message);

let pending: Array<{ outcome: FileOutcome; done: number; total: number }> = [];
const flush = () => {
  if (pending.length === 0) return;
  post({ kind: 'files', outcomes: pending });
  pending = [];
};

let store: RoleStore | undefined;
try {
  store = RoleStore.open(db);
  const summary = await ingest(store, inputs, {
    ...options,
    onStart: (total) => post({ kind: 'start', total }),
    onFile: (outcome, done, total) => {
      pending.push({ outcome, done, total });
      // The writer reports a batch's files together; a message per batch, or per 100 files.
      if (pending.length >= 100 || done === total) flush();
    },
    onBatch: flush,
    onReconcile: (done, total) => post({ kind: 'reconcile', done, total }),
  });
  flush();
  post({ kind: 'done', summary });
} catch (error) {
  flush();
  post({ kind: 'failed', message: error instanceof Error ? error.message : String(error), storeError: error instanceof StoreError });
} finally {
  store?.close();
}
