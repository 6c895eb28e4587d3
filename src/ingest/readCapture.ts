import { PageError, type PageErrorCode } from '../errors.js';
import { extractBytes } from '../extract/extractFile.js';
import { readPageFileSync, sha256 } from '../read/pageFile.js';
import type { PageRecord } from '../schema/pageRecord.js';
import { hasStoredContent } from '../store/storedContent.js';

/** One file of an ingest, as a reader is given it: the reader opens it, so no bytes travel. */
export interface ReadTask {
  path: string;
  /** Larger files fail with `too-large` before they are read (default: the reader's cap). */
  maxBytes?: number;
  /** The database whose stored contents are not extracted again; null extracts every file. */
  database: string | null;
}

/** What became of one file: its record, only its hash when that content is stored, or why it has neither. */
export type ReadResult =
  | { kind: 'page'; record: PageRecord; capturedAt: string }
  | { kind: 'known'; sha256: string }
  | { kind: 'failed'; reason: string; code?: PageErrorCode };

/**
 * Reads, hashes and (unless its content is stored already, which a re-run mostly finds) extracts
 * one file. The capture's time is the file's modification time: the site's pages state no date
 * of their own.
 */
export function readCapture({ path, maxBytes, database }: ReadTask): ReadResult {
  let file: ReturnType<typeof readPageFileSync>;
  try {
    file = readPageFileSync(path, maxBytes === undefined ? {} : { maxBytes });
  } catch (error) {
    if (error instanceof PageError) return { kind: 'failed', reason: error.reason, code: error.code };
    throw error;
  }
  const { bytes } = file;
  const capturedAt = file.modified.toISOString();
  const hash = sha256(bytes);
  if (database !== null && hasStoredContent(database, hash)) return { kind: 'known', sha256: hash };
  const record = extractBytes(bytes, path, hash);
  return record instanceof PageError ? { kind: 'failed', reason: record.reason, code: record.code } : { kind: 'page', record, capturedAt };
}
