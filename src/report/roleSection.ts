import { escapeHtml, pageAnchor, roleAnchor } from './escape.js';
import { count, dollars, fieldLabel, formatObserved, hourly, NONE, percent, plain } from './format.js';
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

/** The pages behind a value: every one by number, or "all N pages" when it is all of the role's. */
function sources(role: ReportRole, ids: number[]): string {
  if (ids.length === 0) return '';
  if (ids.length > 1 && ids.length === role.pageIds.length) return `all ${ids.length} pages`;
  return ids.map(pageRef).join('');
}

function valueCell(value: string | null): string {
  return value === null ? `<span class="none">${NONE}</span>` : escapeHtml(value);
}

/** Where the page list of a role names the other role a page compared it with. */
export interface PageLookup {
  path(id: number): string | null;
  otherRole(id: number, key: string): { key: string; title: string } | null;
}

/** One collapsed section per role: facts with their pages, conflicts, skills, responsibilities. */
export function renderRoleSection(role: ReportRole, pages: PageLookup, skillScale: number): string {
  const conflicted = new Set(role.conflicts.map((c) => c.field));
  const out: string[] = [];
  const summary = [
    dollars(role.yearlySalary),
    `${role.pageCount} page${role.pageCount === 1 ? '' : 's'}`,
    ...(role.conflicts.length > 0 ? [`<span class="badge">${role.conflicts.length} conflict${role.conflicts.length === 1 ? '' : 's'}</span>`] : []),
  ];
  out.push(
    `<details class="role" id="${roleAnchor(role.key)}" data-key="${escapeHtml(role.key)}">`,
    `<summary><h3>${escapeHtml(role.title)}</h3><span class="sum">${summary.join(' · ')}</span></summary>`,
    '<div class="body">',
  );
  if (role.aliases.length > 0) {
    const names = role.aliases.map((a) => escapeHtml(a.kind ? `${a.alias} (${a.kind})` : a.alias)).join(', ');
    out.push(`<p class="note">Also seen as: ${names}</p>`);
  }

  out.push(`<h4>Seen on ${role.pageIds.length} page${role.pageIds.length === 1 ? '' : 's'}</h4>`, '<ul class="pages">');
  for (const id of role.pageIds) {
    const other = pages.otherRole(id, role.key);
    const vs = other ? ` vs <a href="#${roleAnchor(other.key)}">${escapeHtml(other.title)}</a>` : '';
    out.push(`<li>${pageRef(id)} ${escapeHtml(pages.path(id) ?? `page ${id}`)}${vs}</li>`);
  }
  out.push('</ul>');

  out.push('<h4>Facts</h4>', '<table class="facts"><tbody>');
  for (const fact of reconciledFacts(role)) {
    const flag = conflicted.has(fact.field) ? '<span class="disagree">pages disagree, see conflicts</span>' : '';
    out.push(
      `<tr data-field="${fact.field}"><th scope="row">${escapeHtml(fieldLabel(fact.field))}</th><td>${valueCell(fact.value)}${flag}</td><td class="src">${sources(role, role.fieldPages.get(fact.field) ?? [])}</td></tr>`,
    );
  }
  for (const [field, values] of role.observedOnly) {
    const cell = values
      .map((v) => `<div>${escapeHtml(formatObserved(field, v.value))}</div>`)
      .join('');
    const src = values.map((v) => `<div>${sources(role, v.pageIds)}</div>`).join('');
    out.push(`<tr data-field="${escapeHtml(field)}"><th scope="row">${escapeHtml(fieldLabel(field))}</th><td>${cell}</td><td class="src">${src}</td></tr>`);
  }
  out.push('</tbody></table>');

  if (role.conflicts.length > 0) {
    out.push('<h4>Conflicts</h4>');
    for (const conflict of role.conflicts) {
      out.push(`<div class="conflict" data-field="${escapeHtml(conflict.field)}"><p><strong>${escapeHtml(fieldLabel(conflict.field))}</strong></p><div class="sides">`);
      for (const v of conflict.values) {
        const refs = v.pageIds.length > 0 ? v.pageIds.map(pageRef).join('') : '';
        const kept = v.chosen ? ' <span class="note">(kept)</span>' : '';
        out.push(
          `<div class="side"><div class="v">${escapeHtml(formatObserved(conflict.field, v.value))}${kept}</div><div class="n">on ${v.pageCount} page${v.pageCount === 1 ? '' : 's'}: ${refs}</div></div>`,
        );
      }
      out.push('</div></div>');
    }
  }

  if (role.skills.length > 0) {
    out.push('<h4>Skills</h4>', '<ul class="skills">');
    for (const s of role.skills) {
      const width = s.pct === null ? '0' : Math.max(0, Math.min(100, (s.pct / skillScale) * 100)).toFixed(1);
      out.push(`<li><span class="name">${escapeHtml(s.name)}</span><span class="bar" style="width:${width}%"></span><span class="pct">${percent(s.pct)}</span></li>`);
    }
    out.push('</ul>');
  }
  if (role.responsibilities.length > 0) {
    out.push('<h4>Responsibilities</h4>', '<ol>', ...role.responsibilities.map((r) => `<li>${escapeHtml(r)}</li>`), '</ol>');
  }
  if (role.description !== null) {
    out.push(
      '<h4>Description</h4>',
      `<p class="description">${escapeHtml(role.description)}</p>`,
      `<p class="note">${sources(role, role.fieldPages.get('description') ?? [])}</p>`,
    );
  }
  out.push('</div></details>');
  return out.join('\n');
}
