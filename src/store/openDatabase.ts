import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { printable } from '../printable.js';
import { migrate, refuseNewerSchema } from './migrations.js';
import { StoreError } from './storeError.js';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the roles database for writing: foreign keys on, WAL so analysts
 * can read while an ingest runs, and a busy timeout so a reader's lock makes the writer wait
 * rather than fail.
 */
export function openForWriting(file: string): Db {
  let db: Db | undefined;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    db = new Database(file);
    // Another program's SQLite file, or a file that is not SQLite, is refused before anything is written to it.
    checkRolesDatabase(db, file, { allowNew: true });
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // Another ingest on the same database holds the write lock for a whole batch (a few
    // seconds at most): wait it out rather than fail the page.
    db.pragma('busy_timeout = 30000');
    db.pragma('synchronous = NORMAL');
    migrate(db, file);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof StoreError) throw error;
    throw new StoreError(`${printable(file)}: cannot open the database (${(error as Error).message})`);
  }
}

/** Opens an existing database so that nothing run on it can change it. */
export function openReadOnly(file: string): Db {
  if (!existsSync(file)) {
    throw new StoreError(`${printable(file)}: no such database; run "rolepages ingest PATH --db ${printable(file)}" first`);
  }
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (error) {
    throw new StoreError(`${printable(file)}: cannot open the database (${(error as Error).message}); check the --db path`);
  }
}

/** The tables every rolepages database has had, from its first schema on. */
const ROLEPAGES_TABLES = ['roles', 'pages', 'observations', 'conflicts'] as const;

/**
 * Opens an existing rolepages database read-only for a command that reads it (query, show,
 * report, …). A file that is missing, not SQLite, another program's SQLite or of a newer
 * schema is a StoreError whose one line names the file and says what to do.
 */
export function openForReading(file: string): Db {
  const db = openReadOnly(file);
  try {
    checkRolesDatabase(db, file);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * Throws a StoreError unless `db` is a rolepages database this rolepages can use. With
 * `allowNew`, a database with no tables yet (a new file, or an empty one) passes too, for a
 * writer that is about to create them.
 */
export function checkRolesDatabase(db: Db, file: string, options: { allowNew?: boolean } = {}): void {
  const name = printable(file);
  let version: number;
  let tables: Set<string>;
  try {
    version = db.pragma('user_version', { simple: true }) as number;
    tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").all() as Array<{ name: string }>).map((r) => r.name),
    );
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_NOTADB') {
      throw new StoreError(`${name}: not a SQLite database; check the --db path (rolepages ingest makes the database)`);
    }
    throw new StoreError(`${name}: cannot read the database (${(error as Error).message}); check the --db path`);
  }
  refuseNewerSchema(version, file);
  if (options.allowNew && tables.size === 0) return;
  const missing = ROLEPAGES_TABLES.filter((t) => !tables.has(t));
  if (missing.length === 0) return;
  const what = file !== ':memory:' && statSync(file).size === 0 ? 'an empty file, not a rolepages database' : 'not a rolepages database';
  throw new StoreError(
    `${name}: ${what} (no table ${missing.join(', ')}); check the --db path, or run "rolepages ingest PATH --db ${name}" to make one`,
  );
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
