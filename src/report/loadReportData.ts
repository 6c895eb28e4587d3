import { printable } from '../printable.js';
import { canonicalJson } from '../reconcile/canonical.js';
import { openReadOnly, type Db } from '../store/openDatabase.js';
import { RoleReader } from '../store/readRoles.js';
import type { RoleValues } from '../store/roleValues.js';
import { StoreError } from '../store/storeError.js';
import { loadChanges } from './changesSection.js';
import type { ReportConflict, ReportData, ReportPage, ReportRole } from './reportData.js';
import { ReportError } from './reportError.js';
import { loadSkillsMatrix } from './skillsMatrix.js';

/**
 * The roles a report shows in full, best-paid first. A browser opens a page of this many roles
 * at once and the process that writes it stays small, whatever the database holds; the page
 * says the rest are left to `show` and `query`.
 */
export const REPORT_ROLE_CAP = 1000;

/** Opens the database read-only and loads what the report shows. */
export function loadReportData(dbPath: string, cap = REPORT_ROLE_CAP): ReportData {
  let db: Db;
  try {
    db = openReadOnly(dbPath);
  } catch (error) {
    if (error instanceof StoreError) throw new ReportError('unreadable-database', error.message, { cause: error });
    throw error;
  }
  try {
    return loadFrom(db, cap);
  } catch (error) {
    if (error instanceof ReportError) throw error;
    throw new ReportError('unreadable-database', `${printable(dbPath)}: cannot read the database (${(error as Error).message})`, { cause: error });
  } finally {
    db.close();
  }
}

function loadFrom(db: Db, cap: number): ReportData {
  const reader = new RoleReader(db);
  const roles = reader.highest('yearlySalary', cap).map((values) => fullRole(reader, values));
  const pageIds = [...new Set(roles.flatMap((r) => r.pageIds))].sort((a, b) => a - b);
  const pages = (
    db
      .prepare('SELECT id, path, url, layout, role_a, role_b FROM pages WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id')
      .all(JSON.stringify(pageIds)) as Array<{ id: number; path: string; url: string | null; layout: string | null; role_a: string; role_b: string }>
  ).map((r): ReportPage => ({ id: r.id, path: r.path, url: r.url, layout: r.layout, roleA: r.role_a, roleB: r.role_b }));
  const keys = [...new Set(pages.flatMap((p) => [p.roleA, p.roleB]).filter((k): k is string => k !== null))];
  const titles = new Map(
    (db.prepare('SELECT key, title FROM roles WHERE key IN (SELECT value FROM json_each(?))').all(JSON.stringify(keys)) as Array<{ key: string; title: string }>).map(
      (r) => [r.key, r.title],
    ),
  );
  const changes = loadChanges(db);
  const data: ReportData = { roles, pages, titles, totals: reader.totals(), rangedRoles: reader.countWith('salaryRange'), matrix: loadSkillsMatrix(db, reader) };
  return changes ? { ...data, changes } : data;
}

/** A role with its lists, and each value and conflict with the captures behind it. */
function fullRole(reader: RoleReader, values: RoleValues): ReportRole {
  const { conflicts, ...lists } = reader.lists(values.key);
  const observed = reader.observed(values.key);
  const fieldPages = new Map<string, number[]>();
  const behind = new Map<string, number[]>();
  for (const o of observed) {
    fieldPages.set(o.field, [...new Set([...(fieldPages.get(o.field) ?? []), ...o.captureIds])].sort((a, b) => a - b));
    // The conflicts table and the observations may write the same JSON differently (key order), so values meet in canonical form.
    behind.set(`${o.field}\u0000${canonicalJson(o.value)}`, o.captureIds);
  }
  const byField = new Map<string, ReportConflict>();
  for (const c of conflicts) {
    let conflict = byField.get(c.field);
    if (!conflict) byField.set(c.field, (conflict = { field: c.field, values: [] }));
    conflict.values.push({ value: c.value, pageCount: c.page_count, chosen: c.chosen, pageIds: behind.get(`${c.field}\u0000${canonicalJson(c.value)}`) ?? [] });
  }
  return { ...values, ...lists, pageIds: reader.captureIds(values.key), fieldPages, conflicts: [...byField.values()] };
}
