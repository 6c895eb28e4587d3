/** A database that cannot be opened or used, said in one line naming the file and what to do. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}

/** SQLite's failures that are about the database file rather than a page, said with what to do. */
const SQLITE_REASONS: Record<string, string> = {
  SQLITE_FULL: 'the database or its disk is full (SQLITE_FULL); free space and run ingest again (pages stored so far are intact)',
  SQLITE_READONLY: 'the database is read-only (SQLITE_READONLY); check the permissions of the file and its folder, or use another --db',
  SQLITE_BUSY: 'the database stayed locked by another writer (SQLITE_BUSY); run ingest again once it has finished',
  SQLITE_IOERR: 'the disk failed while writing the database (SQLITE_IOERR); check the disk and run ingest again',
  SQLITE_CORRUPT: 'the database file is damaged (SQLITE_CORRUPT); restore it from a copy or ingest into a new --db',
};

/** One line for an error met while writing: SQLite's by its code family, anything else by its message. */
export function describeStoreFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    const family = code.match(/^SQLITE_[A-Z]+/)?.[0];
    const reason = family ? SQLITE_REASONS[family] : undefined;
    if (reason) return reason;
  }
  return error instanceof Error ? error.message : String(error);
}
