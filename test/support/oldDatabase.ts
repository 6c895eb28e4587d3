import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../src/store/migrations.js';

/** A database as rolepages left it before captures were grouped into pages: the first three schema steps only. */
export function databaseBeforePages(file: string): void {
  const db = new Database(file);
  for (const step of MIGRATIONS.filter((m) => m.version < 4)) {
    step.up(db);
    db.pragma(`user_version = ${step.version}`);
  }
  db.close();
}

