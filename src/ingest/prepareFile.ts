import { PageError } from '../errors.js';
import { readPageFileOrReason, sha256 } from '../read/pageFile.js';
import type { PageRecord } from '../schema/pageRecord.js';
import { hasStoredContent } from '../store/storedContent.js';
import { extractFile } from './extractFile.js';

/** One file of an ingest, as a worker is given it: the worker reads it, so no bytes travel. */
export interface FileTask {
  path: string;
  /** Larger files fail with `too-large` before they are read (default: the reader's cap). */
  maxBytes?: number;
  /** The database whose stored contents are not extracted again; null extracts every file. */
  database: string | null;
}

/** What became of one file: its page, only its content's hash when that is stored already, or why it has neither. */
export type FileResult =
  | { kind: 'page'; record: PageRecord }
  | { kind: 'known'; sha256: string }
  | { kind: 'failed'; reason: string };

/**
 * Reads, hashes and (unless its content is stored already) extracts one file. A file that cannot
 * be read or understood is one reason, and the batch goes on; it throws only when the database
 * cannot be asked, and the ingest then names the file with that error.
 */
export function prepareFile({ path, maxBytes, database }: FileTask): FileResult {
  const bytes = readPageFileOrReason(path, maxBytes);
  if (bytes instanceof PageError) return { kind: 'failed', reason: bytes.reason };
  const hash = sha256(bytes);
  if (database !== null && hasStoredContent(database, hash)) return { kind: 'known', sha256: hash };
  const extracted = extractFile({ path, bytes, sha256: hash });
  return extracted.ok ? { kind: 'page', record: extracted.record } : { kind: 'failed', reason: extracted.reason };
}
