/** A database that cannot be opened or used, said in one line naming the file and what to do. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}

/**
 * SQLite's failures that are about the database file rather than a page, said with what to do.
 * Each of them fails whatever is written next, so a run that meets one stops.
 */
const SQLITE_REASONS: Record<string, string> = {
  SQLITE_FULL: 'the database or its disk is full (SQLITE_FULL); free space and run ingest again (pages stored so far are intact)',
  SQLITE_READONLY: 'the database is read-only (SQLITE_READONLY); check the permissions of the file and its folder, or use another --db',
  SQLITE_BUSY: 'the database stayed locked by another writer (SQLITE_BUSY); run ingest again once it has finished',
  SQLITE_IOERR: 'the disk failed while writing the database (SQLITE_IOERR); check the disk and run ingest again',
  SQLITE_CORRUPT: 'the database file is damaged (SQLITE_CORRUPT); restore it from a copy or ingest into a new --db',
  SQLITE_CANTOPEN: 'the database file cannot be opened (SQLITE_CANTOPEN); check that its folder exists and is writable',
};

function sqliteReason(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  const family = typeof code === 'string' ? code.match(/^SQLITE_[A-Z]+/)?.[0] : undefined;
  return family ? SQLITE_REASONS[family] : undefined;
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
