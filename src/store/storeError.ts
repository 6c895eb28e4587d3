import { printable } from '../printable.js';

/**
 * What is wrong with a database, for code to act on. The message says it in words; a program
 * (the command line among them) picks its advice by the code.
 */
export type StoreErrorCode =
  | 'missing' // no file at the path
  | 'cannot-open' // SQLite cannot open it (a folder, a place that cannot be read or written)
  | 'not-sqlite' // the file is not a SQLite database
  | 'not-rolepages' // a SQLite database without rolepages' tables (another program's, or empty)
  | 'older-schema' // written by an older rolepages; opening it for writing (an ingest) upgrades it
  | 'newer-schema' // written by a newer rolepages than this one
  | 'unreadable' // SQLite failed while reading it
  | 'migration-failed'; // upgrading it would break a reference; it was left as it was

/**
 * A database that cannot be opened or used: `code` says what, `file` names it, and `reason` says
 * it in words a library caller can show as they are. `schemaVersion` is the database's schema
 * version where the error is about it.
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    readonly file: string,
    readonly reason: string,
    readonly schemaVersion?: number,
  ) {
    super(`${printable(file)}: ${reason}`);
  }
}

/**
 * SQLite's failures that are about the database file rather than a page, said as facts.
 * Each of them fails whatever is written next, so a run that meets one stops.
 */
const SQLITE_REASONS: Record<string, string> = {
  SQLITE_FULL: 'the database or its disk is full (SQLITE_FULL); the pages stored so far are intact',
  SQLITE_READONLY: 'the database is read-only (SQLITE_READONLY): the file or its folder cannot be written',
  SQLITE_BUSY: 'the database stayed locked by another writer (SQLITE_BUSY)',
  SQLITE_IOERR: 'the disk failed while writing the database (SQLITE_IOERR)',
  SQLITE_CORRUPT: 'the database file is damaged (SQLITE_CORRUPT)',
  SQLITE_CANTOPEN: 'the database file cannot be opened (SQLITE_CANTOPEN): its folder is missing or cannot be written',
};

function sqliteReason(error: unknown): string | undefined {
  const family = sqliteFamily(error);
  return family ? SQLITE_REASONS[family] : undefined;
}

/** SQLite's primary result code of an error (`SQLITE_IOERR` for `SQLITE_IOERR_WRITE`), if it is one. */
export function sqliteFamily(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code.match(/^SQLITE_[A-Z]+/)?.[0] : undefined;
}

/** Whether an error is about the database itself, so that nothing more can be stored in this run. */
export function isDatabaseFailure(error: unknown): boolean {
  return sqliteReason(error) !== undefined;
}

/**
 * One line for an error met while writing: the database's own failures as the errors table says
 * them, anything else as the bug it is.
 */
export function describeStoreFailure(error: unknown): string {
  return sqliteReason(error) ?? `rolepages could not store it: ${error instanceof Error ? error.message : String(error)}`;
}
