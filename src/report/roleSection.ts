import { pagesAndCaptures, plural } from '../words.js';
import { escapeHtml, pageAnchor, roleAnchor } from './escape.js';
import { fieldLabel, ROLE_FIELDS } from '../schema/roleFields.js';
import { formatValue, NONE, percent } from './format.js';
import type { ReportRole } from './reportData.js';

interface Fact {
  field: string;
  value: string | null;
}

/** The fields a role's facts table shows, in the order of the table of role fields; the description has a section of its own. */
const FACT_FIELDS = ROLE_FIELDS.filter((f) => f.reconciled === 'vote' || f.reconciled === 'shares').map((f) => f.field);

/** The reconciled facts of a role, each written as the table of role fields writes it. */
function reconciledFacts(role: ReportRole): Fact[] {
  const lists: Record<string, unknown> = { race: role.race.map((r) => ({ group: r.group_name, pct: r.pct })), skills: [] };
  return FACT_FIELDS.filter((field) => field !== 'skills').map((field) => {
    const value = field in lists ? lists[field] : role.values[field];
    return { field, value: value === null || value === undefined || (Array.isArray(value) && value.length === 0) ? null : formatValue(field, value) };
  });
}

function pageRef(id: number): string {
  return `<a class="ref" href="#${pageAnchor(id)}">P${id}</a>`;
}

/**
 * The pages behind one fact, written only when they are not all of the role's pages: the facts
 * table says once that a fact without pages comes from every page, which keeps large reports small.
 */
function sourcesIfPartial(role: ReportRole, ids: number[]): string {
  if (ids.length === 0 || sameIds(ids, role.pageIds)) return '';
  return ` <span class="src">${ids.map(pageRef).join('')}</span>`;
}

function sameIds(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

function valueCell(value: string | null): string {
  return value === null ? `<span class="none">${NONE}</span>` : escapeHtml(value);
}

export interface PageLookup {
  path(id: number): string | null;
  /** The other role of a capture; `shown` when the report has its section. */
  otherRole(id: number, key: string): { key: string; title: string; shown: boolean } | null;
}

/** The always-visible line of a role's collapsed section. */
export function renderRoleSummary(role: ReportRole): string {
  const parts = [formatValue('yearlySalary', role.values.yearlySalary), plural(role.pageCount, 'page')];
  if (role.conflicts.length > 0) parts.push(`<span class="badge">${plural(role.conflicts.length, 'conflict')}</span>`);
  return `<summary><h3>${escapeHtml(role.title)}</h3><span class="sum">${parts.join(' · ')}</span></summary>`;
}

/** What a role's section holds when opened: pages, facts with their pages, conflicts, skills, responsibilities. */
export function renderRoleBody(role: ReportRole, pages: PageLookup, skillScale: number): string {
  const conflicted = new Set(role.conflicts.map((c) => c.field));
  const out: string[] = ['<div class="body">'];
  if (role.aliases.length > 0) {
    const names = role.aliases.map((a) => escapeHtml(a.kind ? `${a.alias} (${a.kind})` : a.alias)).join(', ');
    out.push(`<p class="note">Also seen as: ${names}</p>`);
  }

  // The list is of captures; a page saved several times counts once in page_count.
  const captures = role.pageIds.length;
  const seenOn = pagesAndCaptures(role.pageCount, captures);
  out.push(`<h4>Seen on ${seenOn}</h4>`, '<ul class="pages">');
  for (const id of role.pageIds) {
    const other = pages.otherRole(id, role.key);
    const vs = other === null ? '' : other.shown ? ` vs <a href="#${roleAnchor(other.key)}">${escapeHtml(other.title)}</a>` : ` vs ${escapeHtml(other.title)}`;
    out.push(`<li>${pageRef(id)} ${escapeHtml(pages.path(id) ?? `page ${id}`)}${vs}</li>`);
  }
  out.push('</ul>');

  const from = captures === 1 ? `page ${pageRef(role.pageIds[0]!)}` : `all ${seenOn}`;
  out.push('<h4>Facts</h4>', `<p class="note">Each fact comes from ${from} unless it names its pages.</p>`, '<table class="facts"><tbody>');
  for (const fact of reconciledFacts(role)) {
    const flag = conflicted.has(fact.field) ? '<span class="disagree">pages disagree, see conflicts</span>' : '';
    const src = sourcesIfPartial(role, role.fieldPages.get(fact.field) ?? []);
    out.push(`<tr data-field="${fact.field}"><th>${escapeHtml(fieldLabel(fact.field))}</th><td>${valueCell(fact.value)}${flag}${src}</td></tr>`);
  }
  out.push('</tbody></table>');

  if (role.conflicts.length > 0) {
    out.push('<h4>Conflicts</h4>');
    for (const conflict of role.conflicts) {
      out.push(`<div class="conflict" data-field="${escapeHtml(conflict.field)}"><p><strong>${escapeHtml(fieldLabel(conflict.field))}</strong></p><div class="sides">`);
      for (const v of conflict.values) {
        const kept = v.chosen ? ' <span class="note">(kept)</span>' : '';
        out.push(
          `<div class="side"><div class="v">${escapeHtml(formatValue(conflict.field, v.value))}${kept}</div><div class="n">on ${plural(v.pageCount, 'page')}: ${v.pageIds.map(pageRef).join('')}</div></div>`,
        );
      }
      out.push('</div></div>');
    }
  }

  if (role.skills.length > 0) {
    out.push('<h4>Skills</h4>', '<ul class="skills">');
    for (const s of role.skills) {
      const width = s.pct === null ? 0 : Math.max(0, Math.min(100, (s.pct / skillScale) * 100));
      out.push(`<li>${escapeHtml(s.name)}<i style="width:${width.toFixed(1)}%"></i><b>${percent(s.pct)}</b></li>`);
    }
    out.push('</ul>');
  }
  if (role.responsibilities.length > 0) {
    out.push('<h4>Responsibilities</h4>', '<ol>');
    for (const r of role.responsibilities) out.push(`<li>${escapeHtml(r)}</li>`);
    out.push('</ol>');
  }
  const description = role.values.description;
  if (typeof description === 'string') {
    out.push(
      '<h4>Description</h4>',
      `<p class="description">${escapeHtml(description)}${sourcesIfPartial(role, role.fieldPages.get('description') ?? [])}</p>`,
    );
  }
  out.push('</div>');
  return out.join('\n');
}
