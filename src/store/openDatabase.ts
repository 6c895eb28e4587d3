import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.js';
import { StoreError } from './storeError.js';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the roles database for writing: foreign keys on, WAL so analysts
 * can read while an ingest runs, and a busy timeout so a reader's lock makes the writer wait
 * rather than fail.
 */
export function openForWriting(file: string): Db {
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // Another ingest on the same database holds the write lock for a whole batch (a few
    // seconds at most): wait it out rather than fail the page.
    db.pragma('busy_timeout = 30000');
    db.pragma('synchronous = NORMAL');
    migrate(db, file);
    return db;
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw new StoreError(`${file}: cannot open the database (${(error as Error).message})`);
  }
}

/** Opens an existing database so that nothing run on it can change it. */
export function openReadOnly(file: string): Db {
  if (!existsSync(file)) {
    throw new StoreError(`${file}: no such database; run "rolepages ingest PATH --db ${file}" first`);
  }
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (error) {
    throw new StoreError(`${file}: cannot open the database (${(error as Error).message})`);
  }
}

/** The read-only connections of this thread, one per database (see `readOnlyForThread`). */
const threadConnections = new Map<string, Db>();

/**
 * One read-only connection per database for the life of the calling thread: a reader asks it
 * of every file, and opening one a file would cost more than the question.
 */
export function readOnlyForThread(file: string): Db {
  let db = threadConnections.get(file);
  if (!db) {
    db = openReadOnly(file);
    threadConnections.set(file, db);
  }
  return db;
}

/**
 * Closes this thread's read-only connections. A worker's close when the worker ends; an ingest
 * without workers closes those of its own thread when it ends, so that a long process (a test
 * run) neither keeps files open nor asks a later database at the same path.
 */
export function closeReadOnlyForThread(): void {
  for (const db of threadConnections.values()) db.close();
  threadConnections.clear();
}
