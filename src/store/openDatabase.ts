import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate, refuseNewerSchema, SCHEMA_VERSION } from './migrations.js';
import { StoreError } from './storeError.js';

/**
 * The handle of an open roles database: better-sqlite3's `Database`. Its type ships with
 * rolepages (`@types/better-sqlite3` is one of its dependencies), so it is typed in your project.
 */
export type Db = Database.Database;

/**
 * The oldest schema the read commands' queries run on: the one that groups captures into pages.
 * A database from before it is refused with `older-schema` (an ingest into it upgrades it).
 */
export const OLDEST_READABLE_SCHEMA = 4;

/**
 * Opens (creating if needed) the roles database for writing: foreign keys on, WAL so analysts
 * can read while an ingest runs, and a busy timeout so a reader's lock makes the writer wait
 * rather than fail. Close it with `closeWriter`.
 */
export function openForWriting(file: string): Db {
  let db: Db | undefined;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    db = new Database(file);
    // Another program's SQLite file, or a file that is not SQLite, is refused before anything is written to it.
    checkRolesDatabase(db, file, { allowNew: true });
    // Another ingest on the same database holds the write lock for a whole batch (a few
    // seconds at most): wait it out rather than fail the page. Turning WAL on waits for readers too.
    db.pragma('busy_timeout = 30000');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    migrate(db, file);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof StoreError) throw error;
    throw new StoreError('cannot-open', file, `cannot open the database (${(error as Error).message})`);
  }
}

/**
 * Closes a database opened by `openForWriting`, leaving it in rollback-journal mode when no other
 * connection has it open: a WAL database cannot be read where its -shm file cannot be made (a
 * read-only folder or mount), and the next writer turns WAL on again.
 */
export function closeWriter(db: Db): void {
  if (db.open && !db.memory && !db.readonly) {
    try {
      // Another connection (a reader, a second ingest) keeps WAL on: it is not waited for.
      db.pragma('busy_timeout = 0');
      db.pragma('journal_mode = DELETE');
    } catch {
      // Still WAL, which every reader that can write beside the file reads as well.
    }
  }
  db.close();
}

/**
 * Opens an existing rolepages database read-only, so that nothing run on it can change it, and
 * checks that it is one this rolepages reads. The one way rolepages opens a database to read it.
 *
 * Throws a `StoreError` whose `code` says what is wrong: `missing`, `cannot-open`, `not-sqlite`,
 * `not-rolepages`, `older-schema` (an ingest into it upgrades it) or `newer-schema`.
 *
 * @example
 * const db = openReadOnly('out/roles.db');
 * const rows = db.prepare('SELECT key, yearly_salary FROM roles ORDER BY yearly_salary DESC LIMIT 5').all();
 * db.close();
 */
export function openReadOnly(file: string): Db {
  const db = openUnchecked(file);
  try {
    checkRolesDatabase(db, file, { reading: true });
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** A read-only connection without the schema check, for a reader inside an ingest that has just checked (and migrated) it. */
function openUnchecked(file: string): Db {
  if (!existsSync(file)) throw new StoreError('missing', file, 'no such database');
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (error) {
    throw new StoreError('cannot-open', file, `cannot open the database (${(error as Error).message})`);
  }
}

/** The tables every rolepages database has had, from its first schema on. */
const ROLEPAGES_TABLES = ['roles', 'pages', 'observations', 'conflicts'] as const;

/**
 * Throws a StoreError unless `db` is a rolepages database this rolepages can use. With
 * `allowNew`, a database with no tables yet (a new file, or an empty one) passes too, for a
 * writer that is about to create them; with `reading`, one older than the read commands know
 * is refused.
 */
export function checkRolesDatabase(db: Db, file: string, options: { allowNew?: boolean; reading?: boolean } = {}): void {
  let version: number;
  let tables: Set<string>;
  try {
    version = db.pragma('user_version', { simple: true }) as number;
    tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").all() as Array<{ name: string }>).map((r) => r.name),
    );
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_NOTADB') throw new StoreError('not-sqlite', file, 'not a SQLite database');
    throw new StoreError('unreadable', file, `cannot read the database (${(error as Error).message})`);
  }
  refuseNewerSchema(version, file);
  if (options.allowNew && tables.size === 0) return;
  const missing = ROLEPAGES_TABLES.filter((t) => !tables.has(t));
  if (missing.length > 0) {
    const what = file !== ':memory:' && statSync(file).size === 0 ? 'an empty file, not a rolepages database' : 'not a rolepages database';
    throw new StoreError('not-rolepages', file, `${what} (no table ${missing.join(', ')})`);
  }
  if (options.reading && version < OLDEST_READABLE_SCHEMA) {
    throw new StoreError(
      'older-schema',
      file,
      `the database has schema version ${version}, from an older rolepages; an ingest into it upgrades it to ${SCHEMA_VERSION}`,
      version,
    );
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
    db = openUnchecked(file);
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
