import { escapeHtml, roleAnchor } from './escape.js';
import { percent } from './format.js';
import type { Db } from '../store/openDatabase.js';
import type { RoleReader } from '../store/readRoles.js';
import type { SkillsMatrix } from './reportData.js';

export const MATRIX_SKILL_CAP = 20;
export const MATRIX_ROLE_CAP = 16;

/**
 * The skills most roles list, and for each, the percent each role gives it, counted over the whole
 * database in SQL. Skill names are compared without case ("Customer service" and "Customer
 * Service" are one skill); the spelling most roles use is shown. Columns are the roles that list
 * the most of these skills.
 */
export function loadSkillsMatrix(db: Db, reader: RoleReader, skillCap = MATRIX_SKILL_CAP, roleCap = MATRIX_ROLE_CAP): SkillsMatrix {
  // One pass over the table: walking the name index instead reads the table's pages out of
  // order, which is slower on a large table.
  const ranked = db
    .prepare(
      `SELECT name COLLATE NOCASE AS id, COUNT(DISTINCT role_key) AS roleCount, TOTAL(pct) AS pctSum FROM role_skills NOT INDEXED
        GROUP BY name COLLATE NOCASE ORDER BY roleCount DESC, pctSum DESC, id LIMIT ?`,
    )
    .all(skillCap) as Array<{ id: string; roleCount: number }>;
  const spelling = db.prepare('SELECT name FROM role_skills WHERE name = ? COLLATE NOCASE GROUP BY name ORDER BY COUNT(*) DESC, name LIMIT 1');
  const skills = ranked.map((s) => ({ name: (spelling.get(s.id) as { name: string }).name, roleCount: s.roleCount }));
  const ids = skills.map((s) => s.name.toLowerCase());
  const columns = db
    .prepare(
      `SELECT s.role_key AS key, r.title AS title FROM role_skills s JOIN roles r ON r.key = s.role_key
        WHERE s.name COLLATE NOCASE IN (SELECT value FROM json_each(?))
        GROUP BY s.role_key ORDER BY COUNT(DISTINCT s.name COLLATE NOCASE) DESC, r.title LIMIT ?`,
    )
    .all(JSON.stringify(skills.map((s) => s.name)), roleCap) as Array<{ key: string; title: string }>;
  const counts = db
    .prepare('SELECT COUNT(DISTINCT name COLLATE NOCASE) AS skills, COUNT(DISTINCT role_key) AS roles FROM role_skills')
    .get() as { skills: number; roles: number };
  return {
    skills,
    roles: columns.map(({ key, title }) => {
      const pcts = new Map<string, number | null>();
      for (const s of reader.lists(key).skills) if (!pcts.has(s.name.toLowerCase())) pcts.set(s.name.toLowerCase(), s.pct);
      return { key, title, pcts: ids.map((id) => (pcts.has(id) ? (pcts.get(id) ?? null) : undefined)) };
    }),
    distinctSkillCount: counts.skills,
    rolesWithSkillsCount: counts.roles,
  };
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
