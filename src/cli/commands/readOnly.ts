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
    notePendingRoles(command, file, db);
    run(db);
  } finally {
    db.close();
  }
}

/**
 * Roles an ingest has not caught up with their newest pages yet (it is running, or was killed):
 * their rows are whole but may lag, which an analyst should know before trusting a count.
 */
function notePendingRoles(command: string, file: string, db: Db): void {
  const hasList = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'pending_roles'").get() !== undefined;
  if (!hasList) return;
  const { n } = db.prepare('SELECT COUNT(*) AS n FROM pending_roles').get() as { n: number };
  if (n === 0) return;
  process.stderr.write(
    `rolepages ${command}: note: ${n} ${n === 1 ? 'role is not yet reconciled with its' : 'roles are not yet reconciled with their'} newest pages ` +
      `(an ingest is running, or was interrupted); when none is running, run "rolepages ingest" on the same pages with --db ${file} to finish them\n`,
  );
}

export function fail(command: string, message: string, status = 2): void {
  process.stderr.write(`rolepages ${command}: ${message}\n`);
  process.exitCode = status;
}
