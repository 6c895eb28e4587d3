import type { Database } from 'better-sqlite3';
import { ROLE_COLUMNS, SKILL_PCT_MEANING } from '../schema/roleFields.js';
import { PERCENT, USD_A_YEAR } from '../schema/units.js';

/** One documented column of a public table or view: the rows of the `columns` table. */
export interface ColumnDoc {
  table_name: string;
  column_name: string;
  /** The page record's field it holds, where it holds one (the `field` of `observations`). */
  field: string | null;
  unit: string | null;
  description: string;
}

type Doc = [column: string, unit: string | null, description: string];

const ROLE_KEY: Doc = ['role_key', null, 'The role (roles.key)'];
const PAGE_ID: Doc = ['page_id', null, 'The capture (pages.id)'];
const FIELD: Doc = ['field', null, 'A page record field (yearlySalary, …); the roles column it fills is in columns.field'];
const PAGE_COUNT: Doc = ['page_count', 'pages', 'Distinct pages that show it (captures of one page count once)'];
/** A column a view copies from `roles`, documented as `roles` documents it. */
const asInRoles = (name: string): Doc => {
  const c = ROLE_COLUMNS.find((r) => r.column === name)!;
  return [c.column, c.unit, c.description];
};
const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Every public table and view but `roles` (made from the table of role fields), column by column. */
const TABLES: Record<string, Doc[]> = {
  pages: [
    ['id', null, 'The capture: a page’s content as saved at one time (a file, or a record of a web archive)'],
    ['path', null, 'Where the capture was, relative to the database’s folder; a web archive’s record as archive#offset (the record’s byte offset in the uncompressed archive)'],
    ['sha256', null, 'SHA-256 of the page’s bytes (a web archive’s response body, a .mhtml file’s HTML part); the same content at another time is another capture'],
    ['url', null, 'The page’s URL: the archive’s WARC-Target-URI, the saved page’s own statement of it, or its canonical link (HTML)'],
    ['format', null, '"html" or "text"'],
    ['layout', null, 'How the page lays its tables out: "table", or "flat" (HTML grids of boxes, text with cells glued together)'],
    ['role_a', null, 'The role of the left column (roles.key)'],
    ['role_b', null, 'The role of the right column (roles.key)'],
    ['ingested_at', 'ISO 8601 UTC', 'When it was stored'],
    ['page_key', null, 'The page (one comparison) it is a capture of: its URL’s last segment, or role_a-vs-role_b'],
    ['captured_at', 'ISO 8601 UTC', 'When the capture was made (see time_source); the newest capture speaks for the page'],
    ['time_source', null, 'Where captured_at came from: "archive" (the WARC record’s WARC-Date), "page" (the date the saved page states: a .mhtml message’s Date, SingleFile’s saved date), "file" (the file’s modification time, which a copy can change), "ingest" (when it was stored, for captures stored before capture times were kept)'],
  ],
  page_sides: [PAGE_ID, ['side', null, '0 for the left column, 1 for the right'], ROLE_KEY, ['facts', 'JSON object', 'Every field the side shows, field → value']],
  observations: [PAGE_ID, ROLE_KEY, FIELD, ['value', 'JSON', 'The value as the capture showed it'], ['side', null, '0 for the left column, 1 for the right']],
  conflicts: [ROLE_KEY, FIELD, ['value', 'JSON', 'One of the values distinct pages disagree on'], PAGE_COUNT, ['chosen', '0 or 1', '1 for the value that survived']],
  role_skills: [ROLE_KEY, ['name', null, 'The skill'], ['pct', PERCENT.name, capitalized(SKILL_PCT_MEANING)], PAGE_COUNT],
  role_responsibilities: [ROLE_KEY, ['position', null, 'Order in the merged list, from 1'], ['text', null, 'The responsibility']],
  role_race: [ROLE_KEY, ['group_name', null, 'The group'], ['pct', PERCENT.name, 'Share of workers']],
  role_aliases: [ROLE_KEY, ['alias', null, 'Another way pages name the role'], ['kind', null, '"spelling" (case, punctuation) or "plural" (the prose’s plural)']],
  page_warnings: [
    PAGE_ID,
    ['role_key', null, 'The role it concerns; null for the whole page'],
    FIELD,
    ['message', null, 'What was inferred or is missing'],
    ['candidates', 'JSON array', 'The values a glued cell could be, the chosen first'],
    ['resolved', '0 or 1', '1 when other pages settled the guess'],
    ['splits', 'JSON array', 'Splits of a glued row deciding both roles at once, as [left, right]'],
  ],
  role_overview: [['key', null, 'The role'], ['title', null, 'Its title'], PAGE_COUNT, ['conflicting_fields', 'fields', 'Fields its pages disagree on'], ...['yearly_salary', 'number_of_jobs'].map(asInRoles)],
  comparisons: [
    PAGE_ID,
    ['path', null, 'The capture’s file'],
    ['page_key', null, 'The page it is a capture of'],
    ['role_a', null, 'The left role'],
    ['title_a', null, 'Its title'],
    ['yearly_salary_a', USD_A_YEAR.name, 'Its salary on this capture'],
    ['role_b', null, 'The right role'],
    ['title_b', null, 'Its title'],
    ['yearly_salary_b', USD_A_YEAR.name, 'Its salary on this capture'],
    ['salary_difference', USD_A_YEAR.name, 'yearly_salary_a − yearly_salary_b'],
  ],
  changes: [
    ROLE_KEY,
    FIELD,
    ['old_value', 'JSON', 'The value a capture of the page showed before'],
    ['new_value', 'JSON', 'The value the next capture of the page showed'],
    ['old_seen', 'ISO 8601 UTC', 'The last capture time that showed the old value (pages.captured_at), over the pages that changed'],
    ['new_seen', 'ISO 8601 UTC', 'The first capture time that showed the new value, over the pages that changed'],
    ['page_count', 'pages', 'Distinct pages whose captures show this change'],
  ],
  role_search: [
    ['role_key', null, 'The role'],
    ['title', null, 'Its title and aliases, one a line'],
    ['description', null, 'Its description'],
    ['responsibilities', null, 'Its responsibilities, one a line'],
  ],
  pending_roles: [['role_key', null, 'A role whose pages changed and that the next ingest reconciles again']],
  columns: [
    ['table_name', null, 'A public table or view'],
    ['column_name', null, 'One of its columns'],
    ['field', null, 'The page record field it holds, where it holds one'],
    ['unit', null, 'Its unit, where it has one'],
    ['description', null, 'What it holds'],
  ],
};

/** What each public table or view holds, in a line. */
export const TABLE_DOCS: Record<string, string> = {
  roles: 'One row per reconciled role: each value as most pages show it',
  pages: 'One row per capture: a saved file of a comparison page, by its distinct content',
  page_sides: 'What one capture shows of one of its two roles, as a JSON object',
  observations: 'Every value as one capture showed it, a row per value (a view over page_sides)',
  conflicts: 'The values distinct pages disagree on, a row per role, field and value',
  role_skills: 'Each role’s skills, merged over its pages',
  role_responsibilities: 'Each role’s responsibilities, merged over its pages',
  role_race: 'Each role’s race ratio',
  role_aliases: 'Other names pages give a role',
  page_warnings: 'What extraction inferred or found missing, by capture',
  role_overview: 'Each role with its count of conflicting fields',
  comparisons: 'Each capture’s two roles side by side with their salaries',
  changes: 'What the site changed between captures of a page, a row per role, field, old and new value',
  role_search: 'Full-text search over titles, descriptions and responsibilities (FTS5: WHERE role_search MATCH …)',
  pending_roles: 'Roles waiting to be reconciled (empty after a finished ingest)',
  columns: 'This documentation: every public column with its unit',
};

/** The documentation of every public column, `roles` first. */
export function columnDocs(): ColumnDoc[] {
  const roles = ROLE_COLUMNS.map((c) => ({ table_name: 'roles', column_name: c.column, field: c.field, unit: c.unit, description: c.description }));
  const others = Object.entries(TABLES).flatMap(([table, docs]) =>
    docs.map(([column, unit, description]) => ({ table_name: table, column_name: column, field: null, unit, description })),
  );
  return [...roles, ...others];
}

/**
 * Writes the `columns` table anew from the code's documentation. A change to the documentation
 * ships with a migration step that calls this, so that existing databases get it too.
 */
export function refillColumnDocs(db: Database): void {
  db.prepare('DELETE FROM columns').run();
  const insert = db.prepare('INSERT INTO columns (table_name, column_name, field, unit, description) VALUES (@table_name, @column_name, @field, @unit, @description)');
  for (const doc of columnDocs()) insert.run(doc);
}
