import { escapeHtml, roleAnchor } from './escape.js';
import { percent } from './format.js';
import type { ReportRole, SkillsMatrix } from './reportData.js';

export const MATRIX_SKILL_CAP = 20;
export const MATRIX_ROLE_CAP = 16;

/**
 * The skills most roles list, and for each, the percent each role gives it. Skill names are
 * compared without case ("Customer service" and "Customer Service" are one skill); the spelling
 * most roles use is shown. Columns are the roles that list the most of these skills.
 */
export function buildSkillsMatrix(roles: ReportRole[], skillCap = MATRIX_SKILL_CAP, roleCap = MATRIX_ROLE_CAP): SkillsMatrix {
  const bySkill = new Map<string, { spellings: Map<string, number>; roles: Map<string, number | null>; pctSum: number }>();
  for (const role of roles) {
    for (const skill of role.skills) {
      const id = skill.name.toLowerCase();
      const entry = bySkill.get(id) ?? { spellings: new Map(), roles: new Map(), pctSum: 0 };
      entry.spellings.set(skill.name, (entry.spellings.get(skill.name) ?? 0) + 1);
      if (!entry.roles.has(role.key)) {
        entry.roles.set(role.key, skill.pct);
        entry.pctSum += skill.pct ?? 0;
      }
      bySkill.set(id, entry);
    }
  }
  const ranked = [...bySkill.entries()]
    .map(([id, e]) => ({ id, name: mostUsed(e.spellings), roleCount: e.roles.size, pctSum: e.pctSum, roles: e.roles }))
    .sort((a, b) => b.roleCount - a.roleCount || b.pctSum - a.pctSum || a.name.localeCompare(b.name))
    .slice(0, skillCap);

  const columns = roles
    .map((role) => ({ role, listed: ranked.filter((s) => s.roles.has(role.key)).length }))
    .filter((c) => c.listed > 0)
    .sort((a, b) => b.listed - a.listed || a.role.title.localeCompare(b.role.title));
  return {
    skills: ranked.map((s) => ({ name: s.name, roleCount: s.roleCount })),
    roles: columns.slice(0, roleCap).map(({ role }) => ({
      key: role.key,
      title: role.title,
      pcts: ranked.map((s) => (s.roles.has(role.key) ? (s.roles.get(role.key) ?? null) : undefined)),
    })),
    distinctSkillCount: bySkill.size,
    rolesWithSkillsCount: roles.filter((r) => r.skills.length > 0).length,
  };
}

function mostUsed(spellings: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [name, n] of spellings) {
    if (n > bestCount || (n === bestCount && name < best)) {
      best = name;
      bestCount = n;
    }
  }
  return best;
}

/** Rows are skills, columns roles; a cell's shade grows with the percent. */
export function renderSkillsMatrix(matrix: SkillsMatrix): string {
  if (matrix.skills.length === 0) return '<p class="note">No role in the database lists skills.</p>';
  const notes: string[] = [];
  if (matrix.distinctSkillCount > matrix.skills.length) {
    notes.push(`Showing the ${matrix.skills.length} skills most roles list, of ${matrix.distinctSkillCount.toLocaleString('en-US')}.`);
  }
  if (matrix.rolesWithSkillsCount > matrix.roles.length) {
    notes.push(
      `Columns are the ${matrix.roles.length} roles that list the most of them, of ${matrix.rolesWithSkillsCount.toLocaleString('en-US')} roles with skills; "Roles" counts them all.`,
    );
  }
  const maxPct = matrix.roles.reduce((max, r) => r.pcts.reduce<number>((m, p) => (typeof p === 'number' ? Math.max(m, p) : m), max), 1);
  const head = matrix.roles
    .map((r) => `<th scope="col" class="role-col"><a href="#${roleAnchor(r.key)}">${escapeHtml(r.title)}</a></th>`)
    .join('');
  const rows = matrix.skills
    .map((skill, i) => {
      const cells = matrix.roles
        .map((r) => {
          const pct = r.pcts[i];
          if (pct === undefined) return '<td class="empty"></td>';
          if (pct === null) return `<td class="pct" style="--shade:15%" title="${escapeHtml(`${r.title}: ${skill.name}`)}">listed</td>`;
          const shade = Math.round(15 + (pct / maxPct) * 65);
          return `<td class="pct" style="--shade:${shade}%" title="${escapeHtml(`${r.title}: ${skill.name} ${percent(pct)}`)}">${percent(pct)}</td>`;
        })
        .join('');
      return `<tr><th scope="row">${escapeHtml(skill.name)}</th><td class="num">${skill.roleCount}</td>${cells}</tr>`;
    })
    .join('\n');
  return [
    ...notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`),
    '<div class="scroll"><table class="matrix">',
    `<thead><tr><th scope="col">Skill</th><th scope="col" class="num">Roles</th>${head}</tr></thead>`,
    `<tbody>\n${rows}\n</tbody></table></div>`,
  ].join('\n');
}
