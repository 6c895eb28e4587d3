import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { ReconciledRole, ScalarField } from '../reconcile/reconcileRole.js';
import { ROLE_COLUMNS } from '../schema/roleFields.js';
import { ChangeWriter } from './changeWriter.js';
import type { Db } from './openDatabase.js';

/** The upsert of a `roles` row, made from the table of role fields. */
const UPSERT_ROLE = `INSERT INTO roles (${ROLE_COLUMNS.map((c) => c.column).join(', ')})
  VALUES (${ROLE_COLUMNS.map(() => '?').join(', ')})
  ON CONFLICT (key) DO UPDATE SET ${ROLE_COLUMNS.filter((c) => c.column !== 'key')
    .map((c) => `${c.column} = excluded.${c.column}`)
    .join(', ')}`;

/** The tables of a role's lists, each with the insert of one row after the role's key. */
const LIST_INSERTS = {
  role_skills: 'INSERT INTO role_skills (role_key, name, pct, page_count) VALUES (?, ?, ?, ?)',
  role_responsibilities: 'INSERT INTO role_responsibilities (role_key, position, text) VALUES (?, ?, ?)',
  role_race: 'INSERT INTO role_race (role_key, group_name, pct) VALUES (?, ?, ?)',
  role_aliases: 'INSERT OR IGNORE INTO role_aliases (role_key, alias, kind) VALUES (?, ?, ?)',
  conflicts: 'INSERT INTO conflicts (role_key, field, value, page_count, chosen) VALUES (?, ?, ?, ?, ?)',
} as const;
type ListTable = keyof typeof LIST_INSERTS;
type ListRow = Array<string | number | null>;

/**
 * Writes reconciled roles: the `roles` row, its list tables, its search row and its changes, and
 * marks which of its pages' guesses other pages settled. A role is written whole each time, so its
 * rows are exactly what its last reconciliation made of its pages.
 */
export class RoleWriter {
  private readonly upsertRole: Statement;
  private readonly deleteRole: Statement;
  private readonly lists: Record<ListTable, { clear: Statement; insert: Statement }>;
  private readonly resolveWarning: Statement;
  private readonly deleteSearch: Statement;
  private readonly insertSearch: Statement;
  private readonly changes: ChangeWriter;

  constructor(db: Db) {
    this.changes = new ChangeWriter(db);
    this.upsertRole = db.prepare(UPSERT_ROLE);
    this.deleteRole = db.prepare('DELETE FROM roles WHERE key = ?');
    const tables = Object.keys(LIST_INSERTS) as ListTable[];
    this.lists = Object.fromEntries(
      tables.map((t) => [t, { clear: db.prepare(`DELETE FROM ${t} WHERE role_key = ?`), insert: db.prepare(LIST_INSERTS[t]) }]),
    ) as RoleWriter['lists'];
    this.resolveWarning = db.prepare('UPDATE page_warnings SET resolved = ? WHERE page_id = ? AND role_key = ? AND field = ?');
    this.deleteSearch = db.prepare('DELETE FROM role_search WHERE rowid = ?');
    this.insertSearch = db.prepare('INSERT INTO role_search (rowid, role_key, title, description, responsibilities) VALUES (?, ?, ?, ?, ?)');
  }

  write(role: ReconciledRole): void {
    this.upsertRole.run(ROLE_COLUMNS.map((c) => columnValue(role, c)));
    const lists = listsOf(role);
    for (const table of Object.keys(lists) as ListTable[]) {
      this.lists[table].clear.run(role.key);
      for (const row of lists[table]) this.lists[table].insert.run(role.key, ...row);
    }
    for (const w of role.warnings) this.resolveWarning.run(w.resolved ? 1 : 0, w.pageId, role.key, w.field);
    this.changes.write(role.key, role.warnings);
    const rowid = searchRowId(role.key);
    this.deleteSearch.run(rowid);
    this.insertSearch.run(
      rowid,
      role.key,
      [role.title, ...role.aliases.map((a) => a.alias)].join('\n'),
      (role.values.description as string | null) ?? '',
      role.responsibilities.join('\n'),
    );
  }

  /** Removes a role no stored page shows any more, with its lists (by cascade) and search row. */
  remove(key: string): void {
    this.deleteSearch.run(searchRowId(key));
    this.deleteRole.run(key);
  }
}

/** A `roles` column's value for a reconciled role, as SQLite stores it. */
function columnValue(role: ReconciledRole, { field, part }: (typeof ROLE_COLUMNS)[number]): string | number | null {
  if (field === 'key') return role.key;
  if (field === 'title') return role.title;
  if (field === 'pageCount') return role.pageCount;
  const value = role.values[field as ScalarField];
  if (value === null || value === undefined) return null;
  if (part !== undefined) return (value as Record<string, string | number | null>)[part] ?? null;
  return Array.isArray(value) ? JSON.stringify(value) : (value as string | number);
}

/** The rows of each list table for a role, in the columns its insert takes after the key. */
function listsOf(role: ReconciledRole): Record<ListTable, ListRow[]> {
  return {
    role_skills: role.skills.map((skill) => [skill.name, skill.pct, skill.pageCount]),
    role_responsibilities: role.responsibilities.map((text, i) => [i + 1, text]),
    role_race: role.race.map((share) => [share.group, share.pct]),
    role_aliases: role.aliases.map((alias) => [alias.alias, alias.kind]),
    conflicts: role.conflicts.map((c) => [c.field, c.value, c.pageCount, c.chosen ? 1 : 0]),
  };
}

/**
 * The search row of a role, derived from its key alone so that it is the same whatever order the
 * roles were created in (60 bits of a hash: no collision in any realistic number of roles).
 */
function searchRowId(key: string): bigint {
  return BigInt(`0x${createHash('sha256').update(key).digest('hex').slice(0, 15)}`);
}
