import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/migrations.js';
import { RoleStore } from '../../src/store/roleStore.js';
import { seedRecord, tempDb } from './storeFixtures.js';

describe('migrations', () => {
  it('bring a database written by the first schema up to date, keeping its pages', () => {
    const file = tempDb();
    const v1 = RoleStore.open(file);
    v1.storePage(seedRecord('000'), 'fixtures/000.txt');
    v1.close();
    // Turn it back into a version-1 database: what an older rolepages left behind.
    const raw = new Database(file);
    raw.exec('DROP TABLE pending_roles; ALTER TABLE page_warnings DROP COLUMN splits');
    raw.pragma('user_version = 1');
    raw.close();

    const store = RoleStore.open(file);
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    const columns = (store.db.prepare('PRAGMA table_info(page_warnings)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).toContain('splits');
    expect(store.pendingCount()).toBe(0);
    expect(store.counts()).toEqual({ pages: 1, roles: 2, conflicts: 0 });
    store.close();
  });
});
