import { openReadOnly, type Db } from '../../store/openDatabase.js';
import { StoreError } from '../../store/storeError.js';

/**
 * Runs an analyst command on the database opened read-only. A missing or unreadable database
 * is one line on stderr and exit status 2, as the contract gives `query`.
 */
export function withReadOnlyDb(command: string, file: string, run: (db: Db) => void): void {
  let db: Db;
  try {
    db = openReadOnly(file);
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    fail(command, error.message);
    return;
  }
  try {
    run(db);
  } finally {
    db.close();
  }
}

export function fail(command: string, message: string, status = 2): void {
  process.stderr.write(`rolepages ${command}: ${message}\n`);
  process.exitCode = status;
}
