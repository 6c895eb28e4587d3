import { renderChangesSection } from './changesSection.js';
import { escapeHtml, pageAnchor, roleAnchor, safeHref } from './escape.js';
import { DeferredBodies } from './deferredBodies.js';
import { renderPayChart } from './payChart.js';
import type { ReportData, ReportPage } from './reportData.js';
import { REPORT_CSS, REPORT_SCRIPT } from './reportAssets.js';
import { renderRolesTable } from './rolesTable.js';
import { renderRoleBody, renderRoleSummary, type PageLookup } from './roleSection.js';
import { renderSkillsMatrix } from './skillsMatrix.js';
import { holdings, plural } from '../words.js';
import { SKILL_PCT_MEANING } from '../schema/roleFields.js';

/**
 * Up to this many roles, every section's content is in the HTML itself (readable and searchable
 * without the script). Beyond it, the role sections and the page list are deferred (see
 * DeferredBodies), so a 5,000-role report opens in about two seconds instead of freezing.
 */
export const INLINE_SECTIONS_MAX = 1000;

export interface RenderOptions {
  /** Shown in the header so a reader knows which database the report describes. */
  source: string;
  generatedAt: Date;
}

/** The whole report as one self-contained HTML document. */
export function renderReport(data: ReportData, options: RenderOptions): string {
  const { roles, pages, totals } = data;
  const shownKeys = new Set(roles.map((r) => r.key));
  const titles = new Map([...data.titles, ...roles.map((r): [string, string] => [r.key, r.title])]);
  const pageById = new Map(pages.map((p) => [p.id, p]));
  const lookup: PageLookup = {
    path: (id) => pageById.get(id)?.path ?? null,
    otherRole: (id, key) => {
      const page = pageById.get(id);
      if (!page) return null;
      const other = page.roleA === key ? page.roleB : page.roleA;
      return other === null ? null : { key: other, title: titles.get(other) ?? other, shown: shownKeys.has(other) };
    },
  };
  const skillScale = roles.reduce((max, r) => r.skills.reduce((m, s) => Math.max(m, s.pct ?? 0), max), 1);
  const chart = renderPayChart(roles, data.rangedRoles, totals.roles);
  const deferred = roles.length > INLINE_SECTIONS_MAX ? new DeferredBodies() : null;
  // Rendered first: the sections fill `deferred`, whose script goes at the end of the page.
  const roleSections = renderRoleSections(roles, lookup, skillScale, deferred);
  const pageList = renderPages(pages, titles, shownKeys, roles.length < totals.roles, deferred);
  const partial =
    roles.length < totals.roles
      ? `<p class="note">This page shows the ${plural(roles.length, 'best-paid role')} of ${totals.roles.toLocaleString('en-US')} in full; the counts, the chart's note and the skills matrix cover them all. <code>rolepages roles</code> lists every role, <code>rolepages show KEY</code> gives one with its pages, and <code>rolepages query</code> answers the rest.</p>`
      : '';

  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Lets the style sheet hide all but the first page of the table before the script runs, so a
    // large report does not lay out thousands of rows first.
    '<script>document.documentElement.classList.add("js")</script>',
    '<title>Job roles report</title>',
    `<style>${REPORT_CSS}</style>`,
    '</head><body><main>',
    '<h1>Job roles</h1>',
    `<p class="lede">${escapeHtml(holdings(totals))}. From ${escapeHtml(options.source)}, ${escapeHtml(options.generatedAt.toISOString().slice(0, 16).replace('T', ' '))} UTC.</p>`,
    `<nav class="toc"><a href="#roles">Roles</a>${data.changes ? '<a href="#changes">What changed</a>' : ''}<a href="#pay">Pay ranges</a><a href="#skills">Skills matrix</a><a href="#details">Role details</a><a href="#pages">Pages</a></nav>`,
    '<section id="roles"><h2>Roles</h2>',
    partial,
    '<p class="note">Click a column to sort; a title opens its details.</p>',
    renderRolesTable(roles),
    '</section>',
    ...(data.changes ? [renderChangesSection(data.changes)] : []),
    '<section id="pay"><h2>Pay ranges</h2>',
    ...chart.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`),
    `<div class="scroll">${chart.svg}</div>`,
    '</section>',
    '<section id="skills"><h2>Skills matrix</h2>',
    `<p class="note">The skills most roles list; each cell is the ${escapeHtml(SKILL_PCT_MEANING)}.</p>`,
    renderSkillsMatrix(data.matrix),
    '</section>',
    '<section id="details"><h2>Role details</h2>',
    '<p class="note">P<i>n</i> is page <i>n</i> in the list of pages at the end.</p>',
    ...roleSections,
    '</section>',
    '<section id="pages"><h2>Pages</h2>',
    pageList,
    '</section>',
    '</main>',
    deferred?.script() ?? '',
    `<script>${REPORT_SCRIPT}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}

function renderRoleSections(roles: ReportData['roles'], lookup: PageLookup, skillScale: number, deferred: DeferredBodies | null): string[] {
  const sections = roles.map((role) => {
    const body = renderRoleBody(role, lookup, skillScale);
    const head = `<details class="role" id="${roleAnchor(role.key)}" data-key="${escapeHtml(role.key)}"`;
    if (deferred) return `${head}${deferred.add(body)}>${renderRoleSummary(role)}</details>`;
    return `${head}>${renderRoleSummary(role)}\n${body}</details>`;
  });
  if (!deferred) return sections;
  return [
    `<noscript><p class="note">With more than ${INLINE_SECTIONS_MAX.toLocaleString('en-US')} roles, a role's details are shown by the report's script; allow scripts to see them.</p></noscript>`,
    ...sections,
  ];
}

function renderPages(pages: ReportPage[], titles: Map<string, string>, shown: Set<string>, partial: boolean, deferred: DeferredBodies | null): string {
  const role = (key: string | null): string =>
    key === null ? '' : shown.has(key) ? `<a href="#${roleAnchor(key)}">${escapeHtml(titles.get(key) ?? key)}</a>` : escapeHtml(titles.get(key) ?? key);
  const rows = pages.map((p) => {
    const href = safeHref(p.url);
    const url = p.url === null ? '' : href === null ? escapeHtml(p.url) : `<a href="${href}" rel="noopener noreferrer">${escapeHtml(p.url)}</a>`;
    return `<tr id="${pageAnchor(p.id)}"><td class="num">P${p.id}</td><td>${escapeHtml(p.path)}</td><td>${role(p.roleA)}</td><td>${role(p.roleB)}</td><td>${escapeHtml(p.layout ?? '')}</td><td>${url}</td></tr>`;
  });
  const table = [
    '<div class="scroll"><table class="pages-table">',
    '<thead><tr><th scope="col" class="num">Page</th><th scope="col">File</th><th scope="col">Left role</th><th scope="col">Right role</th><th scope="col">Layout</th><th scope="col">Address</th></tr></thead>',
    `<tbody>\n${rows.join('\n')}\n</tbody></table></div>`,
  ].join('\n');
  const summary = `<summary>${plural(pages.length, 'stored capture')}${partial ? ' of the roles shown' : ''}</summary>`;
  if (deferred) return `<details class="pages-list"${deferred.add(table)}>${summary}</details>`;
  return `<details class="pages-list"${pages.length <= 50 ? ' open' : ''}>${summary}\n${table}</details>`;
}
