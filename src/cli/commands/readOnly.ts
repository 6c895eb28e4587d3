import { printable } from '../../printable.js';
import { openReadOnly, type Db } from '../../store/openDatabase.js';
import { sqliteFamily } from '../../store/storeError.js';
import { plural } from '../../words.js';
import { OutputError } from './output.js';
import { advice, fail, outputProblem, say } from './userError.js';

/**
 * Runs a command that reads the database, opened read-only with the schema check every reading
 * command shares. A database that is missing, not SQLite, not rolepages', of an older or newer
 * schema or failing while read is one line on stderr naming the file, and exit status 2; output
 * that cannot be written is one line and status 1.
 */
export async function withReadOnlyDb(command: string, file: string, run: (db: Db) => void | Promise<void>): Promise<void> {
  let db: Db;
  try {
    db = openReadOnly(file);
  } catch (error) {
    const line = advice(error);
    if (line === undefined) throw error;
    fail(command, line);
    return;
  }
  try {
    notePendingRoles(command, file, db);
    await run(db);
  } catch (error) {
    if (error instanceof OutputError) {
      fail(command, outputProblem(error.where, error.cause), 1);
      return;
    }
    if (!isSqliteError(error)) throw error;
    fail(command, `${printable(file)}: cannot read the database (${error.message}); check the file, or ingest again into a new --db`);
  } finally {
    db.close();
  }
}

/** better-sqlite3's errors carry SQLite's result code. */
export function isSqliteError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && sqliteFamily(error) !== undefined;
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
  say(
    command,
    `note: ${plural(n, 'role is', 'roles are')} not yet reconciled with ${n === 1 ? 'its' : 'their'} newest pages ` +
      `(an ingest is running, or was interrupted); when none is running, run "rolepages ingest" on the same pages with --db ${printable(file)} to finish them`,
  );
}
