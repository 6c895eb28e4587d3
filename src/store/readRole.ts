import type { Db } from './openDatabase.js';

/** One role as `rolepages show` presents it: each value with the pages that gave it. */
export interface RoleReport {
  role: Record<string, unknown>;
  /** Per observed field, each distinct value with the pages (paths) that showed it. */
  values: Array<{ field: string; value: string; pages: string[] }>;
  conflicts: Array<{ field: string; value: string; page_count: number; chosen: number }>;
  aliases: Array<{ alias: string; kind: string }>;
  skills: Array<{ name: string; pct: number | null; page_count: number }>;
  responsibilities: string[];
  race: Array<{ group_name: string; pct: number }>;
  warnings: Array<{ path: string; field: string; message: string; resolved: number }>;
}

export function readRole(db: Db, key: string): RoleReport | undefined {
  const role = db.prepare('SELECT * FROM roles WHERE key = ?').get(key) as Record<string, unknown> | undefined;
  if (!role) return undefined;
  const observed = db
    .prepare(
      `SELECT o.field, o.value, p.path FROM observations o JOIN pages p ON p.id = o.page_id
       WHERE o.role_key = ? ORDER BY o.field, o.value, p.path`,
    )
    .all(key) as Array<{ field: string; value: string; path: string }>;
  const values: RoleReport['values'] = [];
  for (const o of observed) {
    const last = values[values.length - 1];
    if (last && last.field === o.field && last.value === o.value) {
      if (!last.pages.includes(o.path)) last.pages.push(o.path);
    } else values.push({ field: o.field, value: o.value, pages: [o.path] });
  }
  return {
    role,
    values,
    conflicts: db
      .prepare('SELECT field, value, page_count, chosen FROM conflicts WHERE role_key = ? ORDER BY field, chosen DESC, page_count DESC, value')
      .all(key) as RoleReport['conflicts'],
    aliases: db.prepare('SELECT alias, kind FROM role_aliases WHERE role_key = ? ORDER BY kind, alias').all(key) as RoleReport['aliases'],
    skills: db
      .prepare('SELECT name, pct, page_count FROM role_skills WHERE role_key = ? ORDER BY pct DESC, name')
      .all(key) as RoleReport['skills'],
    responsibilities: (
      db.prepare('SELECT text FROM role_responsibilities WHERE role_key = ? ORDER BY position').all(key) as Array<{ text: string }>
    ).map((r) => r.text),
    race: db.prepare('SELECT group_name, pct FROM role_race WHERE role_key = ? ORDER BY pct DESC, group_name').all(key) as RoleReport['race'],
    warnings: db
      .prepare(
        `SELECT p.path, w.field, w.message, w.resolved FROM page_warnings w JOIN pages p ON p.id = w.page_id
         WHERE w.role_key = ? ORDER BY p.path, w.field`,
      )
      .all(key) as RoleReport['warnings'],
  };
}
