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
    "INSERT INTO pages (id, path, sha256, url, format, layout, role_a, role_b, ingested_at) VALUES (?, ?, ?, NULL, 'text', 'table', ?, ?, '2026-01-01T00:00:00Z')",
  );
  const observation = db.prepare('INSERT INTO observations (page_id, role_key, field, value, side) VALUES (?, ?, ?, ?, 0)');
  db.transaction(() => {
    role.run('collections-coordinator', 'Collections Coordinator', 37938, captures);
    role.run('account-specialist', 'Account Specialist', 42586, captures);
    for (let id = 1; id <= captures; id++) {
      page.run(id, `/captures/collections-coordinator-vs-account-specialist-${String(id).padStart(5, '0')}.txt`, id.toString(16).padStart(64, '0'), 'collections-coordinator', 'account-specialist');
      observation.run(id, 'collections-coordinator', 'title', JSON.stringify('Collections Coordinator'));
      observation.run(id, 'collections-coordinator', 'yearlySalary', JSON.stringify(id % 10 === 0 ? 39120 : 37938));
      observation.run(id, 'collections-coordinator', 'degree', JSON.stringify({ name: "Bachelor's Degree", pct: 48 }));
    }
    for (let i = 1; i <= extraRoles; i++) role.run(`role-${String(i).padStart(5, '0')}`, `Role number ${i}`, 30_000 + i, 1);
  })();
  db.close();
  return path;
}
