import type { Statement } from 'better-sqlite3';
import { openReadOnly } from './openDatabase.js';

/**
 * Whether a page with this content (its bytes' SHA-256) is stored in the database `file`, asked
 * on a read-only connection kept for the life of the thread. The ingest's workers ask it of every
 * file they read, so that a re-run skips unchanged pages before parsing them; each question sees
 * the last commit, and the writer still decides in its transaction.
 */
export function hasStoredContent(file: string, sha256: string): boolean {
  let query = queries.get(file);
  if (!query) {
    query = openReadOnly(file).prepare('SELECT 1 FROM pages WHERE sha256 = ?').pluck();
    queries.set(file, query);
  }
  return query.get(sha256) !== undefined;
}

const queries = new Map<string, Statement>();

/**
 * Closes the connections `hasStoredContent` opened on this thread. A worker's close when the
 * worker ends; an ingest without workers closes those of its own thread when it ends, so that a
 * long process (a test run) neither keeps files open nor asks a later database at the same path.
 */
export function closeStoredContent(): void {
  for (const query of queries.values()) query.database.close();
  queries.clear();
}
