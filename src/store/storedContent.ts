import type { Statement } from 'better-sqlite3';
import { readOnlyForThread, type Db } from './openDatabase.js';

/**
 * Whether a page with this content (its bytes' SHA-256) is stored in the database `file`, asked
 * on the thread's read-only connection (`readOnlyForThread`). The ingest's workers ask it of every
 * file they read, so that a re-run skips unchanged pages before parsing them; each question sees
 * the last commit, and the store still decides in its transaction.
 */
export function hasStoredContent(file: string, sha256: string): boolean {
  const db = readOnlyForThread(file);
  let query = queries.get(db);
  if (!query) {
    query = db.prepare('SELECT 1 FROM pages WHERE sha256 = ?').pluck();
    queries.set(db, query);
  }
  return query.get(sha256) !== undefined;
}

const queries = new WeakMap<Db, Statement>();
