import type { RoleChange } from '../reconcile/pageChanges.js';
import { fieldLabel } from '../schema/roleFields.js';
import type { Db } from '../store/openDatabase.js';
import { escapeHtml, roleAnchor } from './escape.js';
import { formatValue } from './format.js';

/**
 * Changes the report lists; the rest are counted. The section stays the same size however many
 * roles changed, so a report of a hundred thousand roles stays small.
 */
export const CHANGES_SHOWN = 50;
/** Text values (a description) are cut to this many characters. */
const MAX_VALUE = 120;

/** A change as the report lists it: the role's change, with the role it is of. */
export interface ReportChange extends RoleChange {
  roleKey: string;
  title: string;
}

/** What the section shows: the changes seen on the most pages (the newest first among equals), and how many there are in all. */
export interface ReportChanges {
  total: number;
  shown: ReportChange[];
}

/** The changes the report lists, in one small query; null when the database has none (or no `changes` table). */
export function loadChanges(db: Db, limit = CHANGES_SHOWN): ReportChanges | null {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = 'changes'").get() !== undefined;
  if (!hasTable) return null;
  const total = db.prepare('SELECT COUNT(*) FROM changes').pluck().get() as number;
  if (total === 0) return null;
  const rows = db
    .prepare(
      `SELECT c.role_key, r.title, c.field, c.old_value, c.new_value, c.old_seen, c.new_seen, c.page_count
       FROM changes c LEFT JOIN roles r ON r.key = c.role_key
       ORDER BY c.page_count DESC, c.new_seen DESC, c.role_key, c.field
       LIMIT ?`,
    )
    .all(limit) as Array<Record<string, unknown>>;
  const shown = rows.map((r) => ({
    roleKey: String(r.role_key),
    title: r.title === null ? String(r.role_key) : String(r.title),
    field: String(r.field),
    // JSON text by the table's own check.
    oldValue: JSON.parse(String(r.old_value)) as unknown,
    newValue: JSON.parse(String(r.new_value)) as unknown,
    oldSeen: String(r.old_seen),
    newSeen: String(r.new_seen),
    pageCount: Number(r.page_count),
  }));
  return { total, shown };
}

/** The "What changed between crawls" section. */
export function renderChangesSection(changes: ReportChanges): string {
  const { total, shown } = changes;
  const count = (n: number) => n.toLocaleString('en-US');
  const lede =
    total > shown.length
      ? `${count(total)} changes between captures of the same page; the ${count(shown.length)} seen on the most pages are listed, the newest first among equals. "rolepages changes" lists them all.`
      : `${count(total)} ${total === 1 ? 'change' : 'changes'} between captures of the same page, those seen on the most pages first.`;
  const rows = shown.map(
    (c) =>
      `<tr><td><a href="#${roleAnchor(c.roleKey)}">${escapeHtml(c.title)}</a></td><td>${escapeHtml(fieldLabel(c.field))}</td>` +
      `<td>${escapeHtml(shortValue(c.field, c.oldValue))} → ${escapeHtml(shortValue(c.field, c.newValue))}</td>` +
      `<td class="num">${escapeHtml(day(c.oldSeen))} → ${escapeHtml(day(c.newSeen))}</td><td class="num">${c.pageCount}</td></tr>`,
  );
  return [
    '<section id="changes"><h2>What changed between crawls</h2>',
    `<p class="note">${escapeHtml(lede)} A value a capture does not show, or only guessed, is not a change.</p>`,
    '<div class="scroll"><table class="changes-table">',
    '<thead><tr><th scope="col">Role</th><th scope="col">Field</th><th scope="col">Old → new</th><th scope="col" class="num">Last seen old → first seen new</th><th scope="col" class="num">Pages</th></tr></thead>',
    `<tbody>\n${rows.join('\n')}\n</tbody></table></div>`,
    '</section>',
  ].join('\n');
}

function shortValue(field: string, value: unknown): string {
  const text = formatValue(field, value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** A capture time as its day (UTC). */
function day(iso: string): string {
  return iso.slice(0, 10);
}
