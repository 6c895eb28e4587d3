import type { Db } from './openDatabase.js';

/** Which changes to read: all of them, or those of one role, one field, or seen new since a moment. */
export interface ChangeFilter {
  role?: string;
  /** A page record field (`numberOfJobs`). */
  field?: string;
  /** ISO 8601 UTC: changes whose new value was first seen at or after it. */
  since?: string;
}

/** A row of `changes`; the values are JSON text, as in `observations`. */
export interface ChangeRow {
  role_key: string;
  field: string;
  old_value: string;
  new_value: string;
  old_seen: string;
  new_seen: string;
  page_count: number;
}

export const CHANGE_COLUMNS = ['role_key', 'field', 'old_value', 'new_value', 'old_seen', 'new_seen', 'page_count'] as const;

/** Whether the database has the `changes` table (schema step 7 on). */
export function hasChanges(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = 'changes'").get() !== undefined;
}

/** The changes that pass `filter`, by role, field and when the new value appeared, as they are read. */
export function readChanges(db: Db, filter: ChangeFilter = {}): IterableIterator<ChangeRow> {
  const conditions = (
    [
      ['role_key = ?', filter.role],
      ['field = ?', filter.field],
      ['new_seen >= ?', filter.since],
    ] as const
  ).filter(([, value]) => value !== undefined);
  const where = conditions.map(([condition]) => condition);
  const params = conditions.map(([, value]) => value);
  const sql = `SELECT ${CHANGE_COLUMNS.join(', ')} FROM changes ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
               ORDER BY role_key, field, new_seen, old_value, new_value`;
  return db.prepare(sql).iterate(...params) as IterableIterator<ChangeRow>;
}
