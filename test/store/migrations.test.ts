import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { observePage } from '../../src/reconcile/observePage.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/migrations.js';
import { RoleStore } from '../../src/store/roleStore.js';
import { fixtureRecord, seedRecord, tempDb } from './storeFixtures.js';

describe('migrations', () => {
  it('bring a database written by the first schema up to date without the files: captures grouped into pages, paths made relative', () => {
    const file = tempDb();
    const folder = dirname(file);
    // What the first rolepages left behind: seed 000 saved as text and as HTML, stored as two
    // pages under the paths they were given, each side's values a row of observations.
    const raw = new Database(file);
    MIGRATIONS[0]!.up(raw);
    raw.pragma('user_version = 1');
    const records = [
      { record: seedRecord('000'), path: join(folder, 'pages', '000.txt'), ingestedAt: '2025-11-02T10:00:00.000Z' },
      { record: fixtureRecord('005_61d26842a8aa7f89_table.html'), path: join(folder, 'pages', '005.html'), ingestedAt: '2025-11-02T10:00:01.000Z' },
    ];
    const observed: unknown[] = [];
    raw.transaction(() => {
      for (const [key, title] of [['collections-coordinator', 'Collections Coordinator'], ['account-specialist', 'Account Specialist']]) {
        raw.prepare('INSERT INTO roles (key, title, page_count) VALUES (?, ?, 2)').run(key, title);
      }
      for (const { record, path, ingestedAt } of records) {
        const [a, b] = record.roles;
        const pageId = Number(
          raw
            .prepare('INSERT INTO pages (path, sha256, url, format, layout, role_a, role_b, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
            .run(path, record.source.sha256, record.source.url, record.source.format, record.source.layout, a.key, b.key, ingestedAt).lastInsertRowid,
        );
        for (const side of observePage(record)) {
          for (const [field, value] of side.values) {
            const row = { page_id: pageId, role_key: side.roleKey, field, value: JSON.stringify(value), side: side.side };
            raw.prepare('INSERT INTO observations (page_id, role_key, field, value, side) VALUES (@page_id, @role_key, @field, @value, @side)').run(row);
            observed.push(row);
          }
        }
      }
    })();
    raw.close();

    const store = RoleStore.open(file);
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    // Steps are numbered in order; a number may be missing where a branch left it to another.
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.at(-1)!.version);
    expect(MIGRATIONS.every((step, i) => i === 0 || step.version > MIGRATIONS[i - 1]!.version)).toBe(true);
    const columns = (store.db.prepare('PRAGMA table_info(page_warnings)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).toContain('splits');
    expect(store.db.prepare('SELECT path, page_key, captured_at FROM pages ORDER BY id').all()).toEqual([
      { path: 'pages/000.txt', page_key: 'collections-coordinator-vs-account-specialist', captured_at: '2025-11-02T10:00:00.000Z' },
      { path: 'pages/005.html', page_key: 'collections-coordinator-vs-account-specialist', captured_at: '2025-11-02T10:00:01.000Z' },
    ]);
    // The observations read as they were, now from one row per page side.
    expect(store.db.prepare('SELECT page_id, role_key, field, value, side FROM observations ORDER BY page_id, side, field').all()).toEqual(
      [...(observed as Array<{ page_id: number; side: number; field: string }>)].sort((x, y) => x.page_id - y.page_id || x.side - y.side || (x.field < y.field ? -1 : 1)),
    );
    // Every role is made again under the new rules: two captures of one page count once.
    expect(store.pendingCount()).toBe(2);
    expect(store.reconcilePending()).toBe(2);
    expect(store.db.prepare('SELECT key, page_count FROM roles ORDER BY key').all()).toEqual([
      { key: 'account-specialist', page_count: 1 },
      { key: 'collections-coordinator', page_count: 1 },
    ]);
    expect(store.counts()).toEqual({ captures: 2, pages: 1, roles: 2, conflicts: 0 });
    expect(store.db.pragma('foreign_key_check')).toEqual([]);
    store.close();
  });
});
