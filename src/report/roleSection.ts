import { escapeHtml, pageAnchor, roleAnchor } from './escape.js';
import { fieldLabel } from '../schema/roleFields.js';
import { count, dollars, formatObserved, hourly, NONE, percent, plain } from './format.js';
import type { ReportRole } from './reportData.js';

interface Fact {
  field: string;
  value: string | null;
}

/** The reconciled facts of a role, in the order the site's tables show them. */
function reconciledFacts(role: ReportRole): Fact[] {
  const both = <T>(a: T | null, b: T | null, f: (a: T, b: T) => string): string | null =>
    a === null || b === null ? null : f(a, b);
  const num = (n: number | null, f: (n: number) => string): string | null => (n === null ? null : f(n));
  return [
    { field: 'yearlySalary', value: num(role.yearlySalary, dollars) },
    { field: 'hourlyRate', value: num(role.hourlyRate, hourly) },
    { field: 'growthRate', value: num(role.growthRate, percent) },
    { field: 'numberOfJobs', value: num(role.numberOfJobs, count) },
    { field: 'jobSatisfaction', value: num(role.jobSatisfaction, plain) },
    {
      field: 'degree',
      value: role.degree === null ? null : role.degreePct === null ? role.degree : `${role.degree}, ${percent(role.degreePct)}`,
    },
    { field: 'averageAge', value: num(role.averageAge, plain) },
    { field: 'yearsOfExperience', value: num(role.yearsOfExperience, plain) },
    { field: 'salaryRange', value: both(role.salaryMin, role.salaryMax, (a, b) => `${dollars(a)} – ${dollars(b)}`) },
    { field: 'highestPayingCity', value: role.highestPayingCity },
    { field: 'highestPayingState', value: role.highestPayingState },
    { field: 'bestPayingCompany', value: role.bestPayingCompany },
    { field: 'bestPayingIndustry', value: role.bestPayingIndustry },
    { field: 'major', value: role.major },
    { field: 'college', value: role.college },
    { field: 'gender', value: both(role.malePct, role.femalePct, (m, f) => `Male ${percent(m)}, female ${percent(f)}`) },
    { field: 'race', value: role.race.length === 0 ? null : role.race.map((r) => `${r.group} ${percent(r.pct)}`).join(', ') },
    { field: 'lgbtPct', value: num(role.lgbtPct, percent) },
    ...(role.timeToBecome === null ? [] : [{ field: 'timeToBecome', value: role.timeToBecome }]),
    ...(role.topSkills === null ? [] : [{ field: 'topSkills', value: role.topSkills.join(', ') }]),
  ];
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
  otherRole(id: number, key: string): { key: string; title: string } | null;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/** The always-visible line of a role's collapsed section. */
export function renderRoleSummary(role: ReportRole): string {
  const parts = [dollars(role.yearlySalary), plural(role.pageCount, 'page')];
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
  const seenOn = role.pageCount !== null && role.pageCount !== captures ? `${plural(role.pageCount, 'page')} (${plural(captures, 'capture')})` : plural(captures, 'page');
  out.push(`<h4>Seen on ${seenOn}</h4>`, '<ul class="pages">');
  for (const id of role.pageIds) {
    const other = pages.otherRole(id, role.key);
    const vs = other ? ` vs <a href="#${roleAnchor(other.key)}">${escapeHtml(other.title)}</a>` : '';
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
  for (const [field, values] of role.observedOnly) {
    // No reconciled column holds this field, so every value any page showed is listed with its pages.
    const cell = values
      .map((v) => `<div>${escapeHtml(formatObserved(field, v.value))}${values.length > 1 ? ` <span class="src">${v.pageIds.map(pageRef).join('')}</span>` : sourcesIfPartial(role, v.pageIds)}</div>`)
      .join('');
    out.push(`<tr data-field="${escapeHtml(field)}"><th>${escapeHtml(fieldLabel(field))}</th><td>${cell}</td></tr>`);
  }
  out.push('</tbody></table>');

  if (role.conflicts.length > 0) {
    out.push('<h4>Conflicts</h4>');
    for (const conflict of role.conflicts) {
      out.push(`<div class="conflict" data-field="${escapeHtml(conflict.field)}"><p><strong>${escapeHtml(fieldLabel(conflict.field))}</strong></p><div class="sides">`);
      for (const v of conflict.values) {
        const kept = v.chosen ? ' <span class="note">(kept)</span>' : '';
        out.push(
          `<div class="side"><div class="v">${escapeHtml(formatObserved(conflict.field, v.value))}${kept}</div><div class="n">on ${plural(v.pageCount, 'page')}: ${v.pageIds.map(pageRef).join('')}</div></div>`,
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
  if (role.description !== null) {
    out.push(
      '<h4>Description</h4>',
      `<p class="description">${escapeHtml(role.description)}${sourcesIfPartial(role, role.fieldPages.get('description') ?? [])}</p>`,
    );
  }
  out.push('</div>');
  return out.join('\n');
}
