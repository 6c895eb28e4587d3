import { printable } from '../printable.js';
import { openReadOnly, type Db } from '../store/openDatabase.js';
import { StoreError } from '../store/storeError.js';
import type { ReportConflict, ReportData, ReportPage, ReportRole, ReportSkill } from './reportData.js';
import { ReportError } from './reportError.js';

type Row = Record<string, unknown>;

const LIST_TABLES = ['role_skills', 'role_responsibilities', 'role_race', 'role_aliases'] as const;

/**
 * RoleFacts fields the report reads from the reconciled `roles` row or a list table. Any other
 * observed field has no reconciled home, so it is shown as the pages showed it.
 */
const RECONCILED_FIELDS = new Set([
  'title', 'yearlySalary', 'hourlyRate', 'growthRate', 'numberOfJobs', 'jobSatisfaction', 'degree',
  'averageAge', 'yearsOfExperience', 'salaryRange', 'highestPayingCity', 'highestPayingState',
  'bestPayingCompany', 'bestPayingIndustry', 'major', 'college', 'gender', 'lgbtPct', 'description',
  'race', 'skills', 'responsibilities',
]);

/** Opens the database read-only and loads everything the report shows. */
export function loadReportData(dbPath: string): ReportData {
  let db: Db;
  try {
    db = openReadOnly(dbPath);
  } catch (error) {
    if (error instanceof StoreError) throw new ReportError(error.message);
    throw error;
  }
  try {
    return loadFrom(db);
  } catch (error) {
    if (error instanceof ReportError) throw error;
    throw new ReportError(`${printable(dbPath)}: cannot read the database (${(error as Error).message}); is it a rolepages database?`);
  } finally {
    db.close();
  }
}

function loadFrom(db: Db): ReportData {
  const tables = new Set(
    (db.prepare(`SELECT name FROM sqlite_master WHERE type IN ('table', 'view')`).all() as Row[]).map((r) => String(r.name)),
  );
  const missingTables = LIST_TABLES.filter((t) => !tables.has(t));

  const roleColumns = columnsOf(db, 'roles');
  // Fields the store reconciles into a roles column of its own; without one they are shown as observed.
  const reconciled = new Set(RECONCILED_FIELDS);
  if (roleColumns.has('time_to_become')) reconciled.add('timeToBecome');
  if (roleColumns.has('top_skills')) reconciled.add('topSkills');
  const roles = (db.prepare('SELECT * FROM roles').all() as Row[]).map(roleFromRow);
  const byKey = new Map(roles.map((r) => [r.key, r]));
  const pages = (db.prepare('SELECT id, path, url, layout, role_a, role_b FROM pages ORDER BY id').all() as Row[]).map(
    (r): ReportPage => ({
      id: Number(r.id),
      path: String(r.path),
      url: str(r.url),
      layout: str(r.layout),
      roleA: str(r.role_a),
      roleB: str(r.role_b),
    }),
  );

  for (const page of pages) {
    for (const key of [page.roleA, page.roleB]) {
      const role = key === null ? undefined : byKey.get(key);
      if (role && !role.pageIds.includes(page.id)) role.pageIds.push(page.id);
    }
  }

  const fieldPages = db.prepare(
    `SELECT role_key, field, group_concat(page_id) AS page_ids
       FROM (SELECT DISTINCT role_key, field, page_id FROM observations ORDER BY page_id)
      GROUP BY role_key, field`,
  );
  for (const r of fieldPages.iterate() as IterableIterator<Row>) {
    const role = byKey.get(String(r.role_key));
    if (!role) continue;
    const ids = idList(r.page_ids);
    role.fieldPages.set(String(r.field), ids);
    // A role seen only through observations (a page row without role columns) still lists its pages.
    for (const id of ids) if (!role.pageIds.includes(id)) role.pageIds.push(id);
  }

  const observedOnly = db.prepare(
    `SELECT role_key, field, value, group_concat(page_id) AS page_ids
       FROM (SELECT DISTINCT role_key, field, value, page_id FROM observations
              WHERE field NOT IN (${[...reconciled].map(() => '?').join(', ')}))
      GROUP BY role_key, field, value`,
  );
  for (const r of observedOnly.iterate(...reconciled) as IterableIterator<Row>) {
    const field = String(r.field);
    const role = byKey.get(String(r.role_key));
    if (!role) continue;
    const values = role.observedOnly.get(field) ?? [];
    values.push({ value: parseValue(r.value), pageIds: idList(r.page_ids) });
    role.observedOnly.set(field, values);
  }

  loadConflicts(db, byKey);
  if (tables.has('role_skills')) loadSkills(db, byKey);
  if (tables.has('role_responsibilities')) {
    const rows = db.prepare('SELECT role_key, text FROM role_responsibilities ORDER BY role_key, position').iterate();
    for (const r of rows as IterableIterator<Row>) byKey.get(String(r.role_key))?.responsibilities.push(String(r.text));
  }
  if (tables.has('role_race')) {
    // rowid keeps the page order of the groups, as the page lists them.
    const rows = db.prepare('SELECT role_key, group_name, pct FROM role_race ORDER BY role_key, rowid').iterate();
    for (const r of rows as IterableIterator<Row>) {
      byKey.get(String(r.role_key))?.race.push({ group: String(r.group_name), pct: Number(r.pct) });
    }
  }
  if (tables.has('role_aliases')) {
    const rows = db.prepare('SELECT role_key, alias, kind FROM role_aliases ORDER BY role_key, alias').iterate();
    for (const r of rows as IterableIterator<Row>) {
      byKey.get(String(r.role_key))?.aliases.push({ alias: String(r.alias), kind: str(r.kind) });
    }
  }

  for (const role of roles) role.pageIds.sort((a, b) => a - b);
  roles.sort(byYearlySalary);
  return { roles, pages, missingTables };
}

function loadSkills(db: Db, byKey: Map<string, ReportRole>): void {
  const pageCount = columnsOf(db, 'role_skills').has('page_count') ? 'page_count' : 'NULL';
  const rows = db
    .prepare(`SELECT role_key, name, pct, ${pageCount} AS page_count FROM role_skills ORDER BY role_key, pct DESC, name`)
    .iterate();
  for (const r of rows as IterableIterator<Row>) {
    const skill: ReportSkill = { name: String(r.name), pct: num(r.pct), pageCount: num(r.page_count) };
    byKey.get(String(r.role_key))?.skills.push(skill);
  }
}

/**
 * Each conflicting value gets the pages that showed it. The conflicts table and the observations
 * may write the same JSON differently (key order, spacing), so values are matched by their parsed
 * form, not by text.
 */
function loadConflicts(db: Db, byKey: Map<string, ReportRole>): void {
  const chosen = columnsOf(db, 'conflicts').has('chosen') ? 'chosen' : 'NULL';
  const conflictRows = db
    .prepare(`SELECT role_key, field, value, page_count, ${chosen} AS chosen FROM conflicts ORDER BY role_key, field, page_count DESC, value`)
    .all() as Row[];
  if (conflictRows.length === 0) return;
  const behind = new Map<string, number[]>();
  const observed = db
    .prepare(
      `SELECT o.role_key, o.field, o.value, o.page_id
         FROM observations o
         JOIN (SELECT DISTINCT role_key, field FROM conflicts) c ON c.role_key = o.role_key AND c.field = o.field
        ORDER BY o.page_id`,
    )
    .iterate();
  for (const r of observed as IterableIterator<Row>) {
    const id = `${String(r.role_key)}\u0000${String(r.field)}\u0000${canonical(parseValue(r.value))}`;
    const ids = behind.get(id) ?? [];
    const pageId = Number(r.page_id);
    if (!ids.includes(pageId)) ids.push(pageId);
    behind.set(id, ids);
  }
  const byRoleField = new Map<string, ReportConflict>();
  for (const r of conflictRows) {
    const role = byKey.get(String(r.role_key));
    if (!role) continue;
    const field = String(r.field);
    const value = parseValue(r.value);
    let conflict = byRoleField.get(`${role.key}\u0000${field}`);
    if (!conflict) {
      conflict = { field, values: [] };
      byRoleField.set(`${role.key}\u0000${field}`, conflict);
      role.conflicts.push(conflict);
    }
    conflict.values.push({
      value,
      pageCount: Number(r.page_count),
      chosen: r.chosen === null || r.chosen === undefined ? null : Number(r.chosen) === 1,
      pageIds: behind.get(`${role.key}\u0000${field}\u0000${canonical(value)}`) ?? [],
    });
  }
}

function roleFromRow(r: Row): ReportRole {
  return {
    key: String(r.key),
    title: str(r.title) ?? String(r.key),
    yearlySalary: num(r.yearly_salary),
    hourlyRate: num(r.hourly_rate),
    growthRate: num(r.growth_rate),
    numberOfJobs: num(r.number_of_jobs),
    jobSatisfaction: num(r.job_satisfaction),
    degree: str(r.degree),
    degreePct: num(r.degree_pct),
    averageAge: num(r.average_age),
    yearsOfExperience: num(r.years_of_experience),
    salaryMin: num(r.salary_min),
    salaryMax: num(r.salary_max),
    highestPayingCity: str(r.highest_paying_city),
    highestPayingState: str(r.highest_paying_state),
    bestPayingCompany: str(r.best_paying_company),
    bestPayingIndustry: str(r.best_paying_industry),
    major: str(r.major),
    college: str(r.college),
    malePct: num(r.male_pct),
    femalePct: num(r.female_pct),
    lgbtPct: num(r.lgbt_pct),
    description: str(r.description),
    timeToBecome: str(r.time_to_become),
    topSkills: stringList(r.top_skills),
    pageCount: num(r.page_count) ?? 0,
    pageIds: [],
    fieldPages: new Map(),
    observedOnly: new Map(),
    skills: [],
    responsibilities: [],
    race: [],
    aliases: [],
    conflicts: [],
  };
}

export function byYearlySalary(a: ReportRole, b: ReportRole): number {
  if (a.yearlySalary !== b.yearlySalary) {
    if (a.yearlySalary === null) return 1;
    if (b.yearlySalary === null) return -1;
    return b.yearlySalary - a.yearlySalary;
  }
  return a.title.localeCompare(b.title);
}

function num(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

function str(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v);
  return s === '' ? null : s;
}

function columnsOf(db: Db, table: string): Set<string> {
  return new Set((db.prepare(`PRAGMA table_info(${table})`).all() as Row[]).map((r) => String(r.name)));
}

/** A JSON array of strings (the store's `top_skills`); anything else is not shown rather than guessed at. */
function stringList(v: unknown): string[] | null {
  const parsed = parseValue(v);
  return Array.isArray(parsed) && parsed.every((s) => typeof s === 'string') ? parsed : null;
}

function idList(v: unknown): number[] {
  if (v === null || v === undefined) return [];
  return String(v)
    .split(',')
    .map(Number)
    .filter((n) => Number.isFinite(n))
    .sort((a, b) => a - b);
}

/** `observations.value` is JSON text; anything that is not is kept as the text itself. */
export function parseValue(v: unknown): unknown {
  if (typeof v !== 'string') return v ?? null;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
}

/** JSON with object keys sorted, so equal values compare equal whatever order they were written in. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

