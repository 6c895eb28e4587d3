import type { Statement } from 'better-sqlite3';
import { ROLE_COLUMNS } from '../schema/roleFields.js';
import { jsonCell } from './jsonCell.js';
import type { Db } from './openDatabase.js';
import { roleValues, type RoleValues } from './roleValues.js';

/** A role's lists, as `show` and the report give them. */
export interface RoleLists {
  /** Per field, the kept value first, then by pages. */
  conflicts: Array<{ field: string; value: unknown; page_count: number; chosen: boolean }>;
  aliases: Array<{ alias: string; kind: string }>;
  skills: Array<{ name: string; pct: number | null; page_count: number }>;
  responsibilities: string[];
  race: Array<{ group_name: string; pct: number }>;
}

/** One value a role's captures showed, with the captures (`pages.id`) that showed it. */
export interface ObservedBy {
  field: string;
  value: unknown;
  captureIds: number[];
}

/** What a database holds, counted as the CLI counts it. */
export interface StoreTotals {
  roles: number;
  pages: number;
  captures: number;
  conflictingFields: number;
}

const ids = (text: unknown): number[] => (typeof text === 'string' ? (JSON.parse(text) as number[]).sort((a, b) => a - b) : []);

/**
 * Reads roles back, one role at a time: a reader holds its statements, so that reading a few
 * thousand roles of a large database costs no more than their rows.
 */
export class RoleReader {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  private prepared(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  values(key: string): RoleValues | undefined {
    const row = this.prepared('SELECT * FROM roles WHERE key = ?').get(key) as Record<string, unknown> | undefined;
    return row && roleValues(row);
  }

  /** The `limit` roles with the highest value of a one-column numeric field, those without one last, then by title. */
  highest(field: string, limit: number): RoleValues[] {
    const column = ROLE_COLUMNS.find((c) => c.field === field && c.part === undefined)?.column;
    if (column === undefined) throw new Error(`${field} is not a field with a column of its own`);
    return (this.prepared(`SELECT * FROM roles ORDER BY ${column} IS NULL, ${column} DESC, title LIMIT ?`).all(limit) as Array<Record<string, unknown>>).map(
      roleValues,
    );
  }

  /** How many roles have every column of a field filled. */
  countWith(field: string): number {
    const columns = ROLE_COLUMNS.filter((c) => c.field === field).map((c) => `${c.column} IS NOT NULL`);
    if (columns.length === 0) throw new Error(`${field} is not a field with columns`);
    return (this.prepared(`SELECT COUNT(*) AS n FROM roles WHERE ${columns.join(' AND ')}`).get() as { n: number }).n;
  }

  lists(key: string): RoleLists {
    return {
      conflicts: (
        this.prepared('SELECT field, value, page_count, chosen FROM conflicts WHERE role_key = ? ORDER BY field, chosen DESC, page_count DESC, value').all(key) as Array<{
          field: string;
          value: string;
          page_count: number;
          chosen: number;
        }>
      ).map((c) => ({ field: c.field, value: jsonCell(c.value), page_count: c.page_count, chosen: c.chosen === 1 })),
      aliases: this.prepared('SELECT alias, kind FROM role_aliases WHERE role_key = ? ORDER BY kind, alias').all(key) as RoleLists['aliases'],
      skills: this.prepared('SELECT name, pct, page_count FROM role_skills WHERE role_key = ? ORDER BY pct DESC, name').all(key) as RoleLists['skills'],
      responsibilities: (this.prepared('SELECT text FROM role_responsibilities WHERE role_key = ? ORDER BY position').all(key) as Array<{ text: string }>).map(
        (r) => r.text,
      ),
      race: this.prepared('SELECT group_name, pct FROM role_race WHERE role_key = ? ORDER BY pct DESC, group_name').all(key) as RoleLists['race'],
    };
  }

  /** Every distinct value the role's captures showed, by field. */
  observed(key: string): ObservedBy[] {
    const rows = this.prepared(
      `SELECT field, value, json_group_array(DISTINCT page_id) AS ids FROM observations WHERE role_key = ? GROUP BY field, value ORDER BY field, value`,
    ).all(key) as Array<{ field: string; value: string; ids: string }>;
    return rows.map((r) => ({ field: r.field, value: jsonCell(r.value), captureIds: ids(r.ids) }));
  }

  /** The captures that show the role, by `pages.id`. */
  captureIds(key: string): number[] {
    const row = this.prepared(
      `SELECT json_group_array(id) AS ids FROM (SELECT id FROM pages WHERE role_a = @key OR role_b = @key UNION SELECT page_id FROM page_sides WHERE role_key = @key)`,
    ).get({ key }) as { ids: string };
    return ids(row.ids);
  }

  totals(): StoreTotals {
    return this.prepared(
      `SELECT (SELECT COUNT(*) FROM roles) AS roles, (SELECT COUNT(DISTINCT page_key) FROM pages) AS pages, (SELECT COUNT(*) FROM pages) AS captures,
              (SELECT COUNT(*) FROM (SELECT DISTINCT role_key, field FROM conflicts)) AS conflictingFields`,
    ).get() as StoreTotals;
  }
}
