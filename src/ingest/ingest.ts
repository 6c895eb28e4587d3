import { resolve } from 'node:path';
import PQueue from 'p-queue';
import { PageError } from '../errors.js';
import { extractPage } from '../extract/extractPage.js';
import { readPageBytes, readPageFile, sha256 } from '../read/readPage.js';
import type { RoleStore } from '../store/roleStore.js';
import { collectFiles } from './collectFiles.js';

export type FileOutcome =
  | { path: string; status: 'stored' | 'skipped' }
  | { path: string; status: 'failed'; reason: string };

export interface IngestOptions {
  /** Files read ahead of the one being stored (default 4). */
  concurrency?: number;
  /** Called once per file, in input order, as soon as it is done. */
  onFile?: (outcome: FileOutcome, done: number, total: number) => void;
  /** Called once the files are known, before any is read. */
  onStart?: (total: number) => void;
  /** Files larger than this fail with `too-large` before they are read (default: the reader's cap). */
  maxBytes?: number;
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
 * Ingests files and directories into the store. Files are read a few at a time but extracted
 * and stored one by one in input order, so a run is reproducible; a file whose content is stored
 * already is skipped before it is parsed. A file that fails is reported and the rest go on.
 */
export async function ingest(store: RoleStore, inputs: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const { files, problems } = await collectFiles(inputs);
  const summary: IngestSummary = { stored: 0, skipped: 0, failed: [...problems], pages: 0, roles: 0, conflicts: 0 };
  const total = files.length;
  options.onStart?.(total);

  const concurrency = Math.max(1, options.concurrency ?? 4);
  const queue = new PQueue({ concurrency });
  const read = (path: string) => queue.add(() => readBytes(path, options.maxBytes));
  // A window of reads in flight ahead of the file being stored, never the whole tree in memory.
  const ahead: Array<Promise<Uint8Array | PageError>> = [];
  for (let i = 0; i < Math.min(concurrency, total); i++) ahead.push(read(files[i]!));

  for (let i = 0; i < total; i++) {
    const path = files[i]!;
    const bytes = await ahead.shift()!;
    const next = files[i + concurrency];
    if (next !== undefined) ahead.push(read(next));
    const outcome = storeFile(store, path, bytes);
    if (outcome.status === 'failed') summary.failed.push({ path, reason: outcome.reason });
    else summary[outcome.status]++;
    options.onFile?.(outcome, i + 1, total);
  }
  Object.assign(summary, store.counts());
  return summary;
}

/** The file's bytes, or its error: over the size cap, not a regular file (a FIFO would block), unreadable. */
async function readBytes(path: string, maxBytes: number | undefined): Promise<Uint8Array | PageError> {
  try {
    return await readPageFile(path, maxBytes === undefined ? {} : { maxBytes });
  } catch (error) {
    if (error instanceof PageError) return error;
    throw error;
  }
}

function storeFile(store: RoleStore, path: string, bytes: Uint8Array | PageError): FileOutcome {
  if (bytes instanceof PageError) return { path, status: 'failed', reason: bytes.reason };
  const identity = resolve(path);
  try {
    const hash = sha256(bytes);
    if (store.skipStored(identity, hash)) return { path, status: 'skipped' };
    const page = readPageBytes(bytes, path);
    const record = extractPage(page.document, { path, sha256: page.sha256 });
    return { path, status: store.storePage(record, identity).status };
  } catch (error) {
    if (error instanceof PageError) return { path, status: 'failed', reason: error.reason };
    // A bug or a database problem: still one line naming the file, and the batch goes on.
    return { path, status: 'failed', reason: `rolepages could not store it: ${(error as Error).message}` };
  }
}
