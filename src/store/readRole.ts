import { jsonCell } from './jsonCell.js';
import type { Db } from './openDatabase.js';
import { RoleReader, type RoleLists } from './readRoles.js';
import { isJsonColumn } from './roleValues.js';

/** One value of a field with the captures (stored pages) that showed it. */
export interface ObservedValue {
  value: unknown;
  /** How many pages showed it (captures of one page count once). */
  pages: number;
  /** How many captures showed it. */
  captures: number;
  /** Their paths, each once, sorted. */
  paths: string[];
  /** How many of them are dated only by a file's modification time (or their ingest), which a copy changes. */
  fileTimed: number;
}

/** One role as `rolepages show` presents it; stored JSON is given as JSON values. */
export interface RoleReport {
  /** The `roles` row, its JSON columns parsed. */
  role: Record<string, unknown>;
  /** The pages that showed the role, and their captures: every capture an observation of it comes from. */
  pages: number;
  captures: number;
  /** How many of those captures have their time from each source (`pages.time_source`). */
  timeSources: Record<string, number>;
  /** Per observed field, each distinct value it was seen with. */
  fields: Array<{ field: string; values: ObservedValue[] }>;
  conflicts: RoleLists['conflicts'];
  aliases: RoleLists['aliases'];
  skills: RoleLists['skills'];
  responsibilities: RoleLists['responsibilities'];
  race: RoleLists['race'];
  /** The pages' warnings on the role, each once with the paths of the captures that gave it. */
  warnings: Array<{ field: string; message: string; resolved: boolean; paths: string[] }>;
}

/**
 * One role as `rolepages show` prints it: its row, each value with the captures that showed it,
 * its conflicts, aliases, lists and the pages' warnings. Undefined when no role has that key.
 *
 * @example
 * const db = openReadOnly('out/roles.db');
 * const role = readRole(db, 'collections-coordinator');
 * db.close();
 */
export function readRole(db: Db, key: string): RoleReport | undefined {
  const row = db.prepare('SELECT * FROM roles WHERE key = ?').get(key) as Record<string, unknown> | undefined;
  if (!row) return undefined;
  const role = Object.fromEntries(Object.entries(row).map(([c, v]) => [c, isJsonColumn(c) ? jsonCell(v) : v]));
  const observed = db
    .prepare(
      `SELECT o.field, o.value, COUNT(DISTINCT p.page_key) AS pages, COUNT(DISTINCT o.page_id) AS captures,
              json_group_array(DISTINCT p.path) AS paths,
              COUNT(DISTINCT CASE WHEN p.time_source IN ('file', 'ingest') THEN p.id END) AS fileTimed
         FROM observations o JOIN pages p ON p.id = o.page_id
        WHERE o.role_key = ?
        GROUP BY o.field, o.value
        ORDER BY o.field, captures DESC, o.value`,
    )
    .all(key) as Array<{ field: string; value: string; pages: number; captures: number; paths: string; fileTimed: number }>;
  const fields: RoleReport['fields'] = [];
  for (const o of observed) {
    const value: ObservedValue = { value: jsonCell(o.value), pages: o.pages, captures: o.captures, paths: (JSON.parse(o.paths) as string[]).sort(), fileTimed: o.fileTimed };
    const last = fields[fields.length - 1];
    if (last && last.field === o.field) last.values.push(value);
    else fields.push({ field: o.field, values: [value] });
  }
  const { pages, captures } = db
    .prepare(
      `SELECT COUNT(DISTINCT page_key) AS pages, COUNT(*) AS captures FROM pages
        WHERE id IN (SELECT id FROM pages WHERE role_a = @key OR role_b = @key UNION SELECT page_id FROM page_sides WHERE role_key = @key)`,
    )
    .get({ key }) as { pages: number; captures: number };
  const timeSources = Object.fromEntries(
    db
      .prepare(
        `SELECT time_source, COUNT(*) FROM pages
          WHERE id IN (SELECT id FROM pages WHERE role_a = @key OR role_b = @key UNION SELECT page_id FROM page_sides WHERE role_key = @key)
          GROUP BY time_source ORDER BY time_source`,
      )
      .raw()
      .all({ key }) as Array<[string, number]>,
  );
  const warnings = db
    .prepare(
      `SELECT w.field, w.message, w.resolved, json_group_array(DISTINCT p.path) AS paths
         FROM page_warnings w JOIN pages p ON p.id = w.page_id
        WHERE w.role_key = ?
        GROUP BY w.field, w.message, w.resolved
        ORDER BY w.field, w.message, w.resolved`,
    )
    .all(key) as Array<{ field: string; message: string; resolved: number; paths: string }>;
  return {
    role,
    pages,
    captures,
    timeSources,
    fields,
    ...new RoleReader(db).lists(key),
    warnings: warnings.map((w) => ({ field: w.field, message: w.message, resolved: w.resolved === 1, paths: (JSON.parse(w.paths) as string[]).sort() })),
  };
}
