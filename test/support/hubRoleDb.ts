import Database from 'better-sqlite3';
import { RoleStore } from '../../src/store/roleStore.js';

/**
 * A rolepages database where one role, `collections-coordinator`, is seen on `captures` captures
 * (each on a page of its own, against a partner role), and `extraRoles` other roles fill the
 * roles table. One capture in ten shows another yearly salary, so that field has two values.
 */
export function buildHubRoleDb(path: string, captures: number, extraRoles = 0): string {
  RoleStore.open(path).close();
  const db = new Database(path);
  db.pragma('synchronous = OFF');
  const role = db.prepare('INSERT INTO roles (key, title, yearly_salary, page_count) VALUES (?, ?, ?, ?)');
  const page = db.prepare(
    "INSERT INTO pages (id, path, sha256, url, format, layout, role_a, role_b, ingested_at, page_key, captured_at, time_source) VALUES (?, ?, ?, NULL, 'text', 'table', ?, ?, '2026-01-01T00:00:00Z', ?, '2026-01-01T00:00:00Z', 'file')",
  );
  const side = db.prepare('INSERT INTO page_sides (page_id, side, role_key, facts) VALUES (?, 0, ?, ?)');
  db.transaction(() => {
    role.run('collections-coordinator', 'Collections Coordinator', 37938, captures);
    role.run('account-specialist', 'Account Specialist', 42586, captures);
    for (let id = 1; id <= captures; id++) {
      const name = `collections-coordinator-vs-account-specialist-${String(id).padStart(5, '0')}`;
      // A page of its own for each capture, as if each compared it with another partner.
      page.run(id, `/captures/${name}.txt`, id.toString(16).padStart(64, '0'), 'collections-coordinator', 'account-specialist', name);
      const facts = { title: 'Collections Coordinator', yearlySalary: id % 10 === 0 ? 39120 : 37938, degree: { name: "Bachelor's Degree", pct: 48 } };
      side.run(id, 'collections-coordinator', JSON.stringify(facts));
    }
    for (let i = 1; i <= extraRoles; i++) role.run(`role-${String(i).padStart(5, '0')}`, `Role number ${i}`, 30_000 + i, 1);
  })();
  db.close();
  return path;
}
