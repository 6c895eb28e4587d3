import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RoleStore } from '../../src/store/roleStore.js';
import { StoreError } from '../../src/store/storeError.js';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import type { PageRecord } from '../../src/schema/pageRecord.js';
import { accountSpecialist, coordinator, page, representative } from '../reconcile/seedRoles.js';
import { dump, seedRecord, tempDb } from './storeFixtures.js';

/** The four tabular seeds as extracted, and seed 004 (flattened) as built from its values. */
function seedPages(): Array<{ record: PageRecord; path: string }> {
  const pages = ['000', '001', '002', '003'].map((n) => {
    const record = seedRecord(n);
    return { record, path: record.source.path };
  });
  const flat = page([representative(), coordinator()], { layout: 'flat', path: '004_53ee470b7ca18917.txt' });
  return [...pages, { record: flat, path: '/seeds/004_53ee470b7ca18917.txt' }];
}

let file: string;
let store: RoleStore;
beforeEach(() => {
  file = tempDb();
  store = RoleStore.open(file);
});
afterEach(() => store.close());

const role = (key: string) => store.db.prepare('SELECT * FROM roles WHERE key = ?').get(key) as Record<string, unknown>;

describe('RoleStore on the seed pages', () => {
  beforeEach(() => {
    for (const p of seedPages()) store.storePage(p.record, p.path);
  });

  it('stores 5 pages and 6 roles, without conflicts', () => {
    expect(store.counts()).toEqual({ pages: 5, roles: 6, conflicts: 0 });
    expect(dump(store.db, 'conflicts', 'role_key')).toEqual([]);
  });

  it('reconciles Collections Coordinator from its three pages, average age 46 on all of them', () => {
    expect(role('collections-coordinator')).toMatchObject({ title: 'Collections Coordinator', page_count: 3, average_age: 46, yearly_salary: 37938 });
    const ages = store.db
      .prepare("SELECT value FROM observations WHERE role_key = 'collections-coordinator' AND field = 'averageAge'")
      .all();
    expect(ages).toEqual([{ value: '46' }, { value: '46' }, { value: '46' }]);
  });

  it('gives Account Specialist page_count 3 and Collections Representative its seed values', () => {
    expect(role('account-specialist')).toMatchObject({ page_count: 3, yearly_salary: 42586, degree: "Bachelor's Degree", degree_pct: 54 });
    expect(role('collections-representative')).toMatchObject({ number_of_jobs: 85275, average_age: 46, salary_min: 26000, salary_max: 42000 });
  });

  it('keeps the lists and aliases in their own tables', () => {
    const skills = store.db.prepare("SELECT name, pct, page_count FROM role_skills WHERE role_key = 'collections-representative' ORDER BY pct DESC").all();
    expect(skills[0]).toEqual({ name: 'Payment Arrangements', pct: 14, page_count: 1 });
    const race = store.db.prepare("SELECT pct FROM role_race WHERE role_key = 'account-specialist' AND group_name = 'White'").get();
    expect(race).toEqual({ pct: 60.8 });
    const aliases = store.db.prepare("SELECT alias, kind FROM role_aliases WHERE role_key = 'account-specialist' ORDER BY alias").all();
    expect(aliases).toContainEqual({ alias: 'account specialists', kind: 'plural' });
  });

  it('answers the views: overview per role and each page\'s salary difference', () => {
    expect(store.db.prepare("SELECT page_count, conflicting_fields FROM role_overview WHERE key = 'account-specialist'").get()).toEqual({
      page_count: 3,
      conflicting_fields: 0,
    });
    const seed000 = store.db
      .prepare("SELECT yearly_salary_a, yearly_salary_b, salary_difference FROM comparisons WHERE role_a = 'collections-coordinator' AND role_b = 'account-specialist'")
      .get();
    expect(seed000).toEqual({ yearly_salary_a: 37938, yearly_salary_b: 42586, salary_difference: -4648 });
  });

  it('finds roles by full-text search over titles, descriptions and responsibilities', () => {
    const hits = store.db.prepare("SELECT role_key FROM role_search WHERE role_search MATCH 'receivables' ORDER BY role_key").all();
    expect(hits).toContainEqual({ role_key: 'collections-coordinator' });
    const byResponsibility = store.db.prepare("SELECT role_key FROM role_search WHERE role_search MATCH 'medicaid'").all();
    expect(byResponsibility).toEqual([{ role_key: 'collections-coordinator' }]);
  });

  it('skips content it has stored and changes no row', () => {
    const before = ['roles:key', 'pages:id', 'observations:page_id, side, field', 'role_skills:role_key, name'].map((t) => {
      const [table, order] = t.split(':');
      return dump(store.db, table!, order!);
    });
    for (const p of seedPages().slice(0, 4)) expect(store.skipStored(p.path, p.record.source.sha256)?.status).toBe('skipped');
    const after = ['roles:key', 'pages:id', 'observations:page_id, side, field', 'role_skills:role_key, name'].map((t) => {
      const [table, order] = t.split(':');
      return dump(store.db, table!, order!);
    });
    expect(after).toEqual(before);
  });

  it('records an edited salary as a conflict naming both values', () => {
    const edited = structuredClone(seedRecord('000'));
    edited.roles[0].yearlySalary = 39120;
    edited.source.sha256 = 'e'.repeat(64);
    store.storePage(edited, '/edited/000.txt');
    expect(dump(store.db, 'conflicts', 'value')).toEqual([
      { role_key: 'collections-coordinator', field: 'yearlySalary', value: '37938', page_count: 3, chosen: 1 },
      { role_key: 'collections-coordinator', field: 'yearlySalary', value: '39120', page_count: 1, chosen: 0 },
    ]);
    expect(store.counts().conflicts).toBe(1);
  });
});

describe('RoleStore: ingest order', () => {
  it('gives an identical roles table when the pages are stored in reverse order', () => {
    for (const p of seedPages()) store.storePage(p.record, p.path);
    const forward = dump(store.db, 'roles', 'key');
    const other = RoleStore.open(tempDb());
    for (const p of seedPages().reverse()) other.storePage(p.record, p.path);
    expect(dump(other.db, 'roles', 'key')).toEqual(forward);
    expect(dump(other.db, 'role_responsibilities', 'role_key, position')).toEqual(dump(store.db, 'role_responsibilities', 'role_key, position'));
    other.close();
  });

  it('resolves a flattened page\'s guess when the confirming page arrives later, and before', () => {
    const guessed = page([representative(), coordinator({ averageAge: 464 })], {
      layout: 'flat',
      warnings: [{ role: 'collections-coordinator', field: 'averageAge', message: 'glued "4646" split by guess', candidates: [464, 46, 4] }],
    });
    const tabular = page([coordinator(), accountSpecialist()]);
    for (const order of [[guessed, tabular], [tabular, guessed]]) {
      const s = RoleStore.open(tempDb());
      for (const r of order) s.storePage(r, r.source.path);
      expect(s.db.prepare("SELECT average_age FROM roles WHERE key = 'collections-coordinator'").get()).toEqual({ average_age: 46 });
      expect(s.db.prepare('SELECT field, resolved, candidates FROM page_warnings').all()).toEqual([{ field: 'averageAge', resolved: 1, candidates: '[464,46,4]' }]);
      expect(s.counts().conflicts).toBe(0);
      s.close();
    }
  });
});

describe('RoleStore: a changed file at a stored path', () => {
  it('replaces its old observations and re-reconciles the roles the old version showed', () => {
    store.storePage(page([coordinator(), accountSpecialist()]), '/site/a.txt');
    store.storePage(page([representative(), coordinator()]), '/site/b.txt');
    const result = store.storePage(page([representative(), coordinator({ yearlySalary: 39120 })]), '/site/a.txt');
    expect(result.status).toBe('stored');
    expect(result.roles).toEqual(['account-specialist', 'collections-coordinator', 'collections-representative']);
    // Account Specialist was only on the old version of a.txt: it goes; b.txt is untouched.
    expect(store.db.prepare('SELECT key, page_count FROM roles ORDER BY key').all()).toEqual([
      { key: 'collections-coordinator', page_count: 2 },
      { key: 'collections-representative', page_count: 2 },
    ]);
    expect(store.db.prepare('SELECT path FROM pages ORDER BY path').all()).toEqual([{ path: '/site/a.txt' }, { path: '/site/b.txt' }]);
    expect(store.counts().conflicts).toBe(1);
  });
});

describe('RoleStore: the database file', () => {
  it('has the schema version, WAL, foreign keys and a busy timeout', () => {
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(30000);
  });

  it('refuses a database written by a newer schema, naming the file', () => {
    const newer = tempDb();
    const raw = new Database(newer);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => RoleStore.open(newer)).toThrow(StoreError);
    expect(() => RoleStore.open(newer)).toThrow(`${newer}: the database has schema version 99, newer than this rolepages knows (${SCHEMA_VERSION})`);
  });

  it('reopens an existing database without migrating it again', () => {
    store.storePage(page([coordinator(), accountSpecialist()]), '/site/a.txt');
    store.close();
    store = RoleStore.open(file);
    expect(store.counts()).toEqual({ pages: 1, roles: 2, conflicts: 0 });
  });
});

describe('RoleStore: rewriting only what changed of a role', () => {
  /** Every row a role's reconciliation writes, search index included. */
  const roleRows = (s: RoleStore) => ({
    roles: dump(s.db, 'roles', 'key'),
    skills: dump(s.db, 'role_skills', 'role_key, name'),
    responsibilities: dump(s.db, 'role_responsibilities', 'role_key, position'),
    race: dump(s.db, 'role_race', 'role_key, group_name'),
    aliases: dump(s.db, 'role_aliases', 'role_key, alias, kind'),
    conflicts: dump(s.db, 'conflicts', 'role_key, field, value'),
    search: s.db.prepare('SELECT rowid, role_key, title, description, responsibilities FROM role_search ORDER BY rowid').all(),
  });
  const edited = () => {
    const record = structuredClone(seedRecord('000'));
    record.roles[0].yearlySalary = 39120;
    record.roles[0].description = 'Collections coordinators arrange payment plans.';
    record.source.sha256 = 'e'.repeat(64);
    return record;
  };

  it('ends with the rows of one reconciliation from scratch, page by page, by a new store on the same file, and after an edit', () => {
    // Page by page: each role is first written new, then rewritten from what this store last wrote.
    for (const p of seedPages()) store.storePage(p.record, p.path);
    store.storePage(edited(), '/edited/000.txt');
    // A new store on the same file knows nothing it wrote: it replaces a stored role's rows whole.
    const reopened = new RoleStore(store.db);
    reopened.storePage(page([coordinator({ averageAge: 47 }), accountSpecialist()], { path: '/late/1.txt' }), '/late/1.txt');

    const fresh = RoleStore.open(tempDb());
    fresh.storeBatch([
      ...seedPages(),
      { record: edited(), path: '/edited/000.txt' },
      { record: page([coordinator({ averageAge: 47 }), accountSpecialist()], { path: '/late/1.txt' }), path: '/late/1.txt' },
    ]);
    expect(roleRows(store)).toEqual(roleRows(fresh));
    // One search row per role, not one left behind or doubled by a skipped delete.
    expect(roleRows(store).search).toHaveLength(store.counts().roles);
    // The coordinator's edit and the late page's age are conflicts, each against the four pages that agree.
    expect(store.db.prepare("SELECT field, value, page_count, chosen FROM conflicts WHERE role_key = 'collections-coordinator' AND field != 'description' ORDER BY field, value").all()).toEqual([
      { field: 'averageAge', value: '46', page_count: 4, chosen: 1 },
      { field: 'averageAge', value: '47', page_count: 1, chosen: 0 },
      { field: 'yearlySalary', value: '37938', page_count: 4, chosen: 1 },
      { field: 'yearlySalary', value: '39120', page_count: 1, chosen: 0 },
    ]);
    fresh.close();
  });

  it('keeps a search row whose text did not change, and rewrites one whose text did, in a store that did not write them', () => {
    for (const p of seedPages()) store.storePage(p.record, p.path);
    const searchRow = (key: string) => store.db.prepare('SELECT rowid, description FROM role_search WHERE role_key = ?').get(key) as { rowid: bigint; description: string };
    const coordinatorRow = searchRow('collections-coordinator');
    // A store that knows nothing it wrote reads the row back to decide: a new age leaves the text as it was.
    new RoleStore(store.db).storePage(page([coordinator({ averageAge: 47 }), accountSpecialist()], { path: '/late/1.txt' }), '/late/1.txt');
    expect(searchRow('collections-coordinator')).toEqual(coordinatorRow);
    // Seed 002 is Collections Associate's only page: a new version of it gives the role a new description.
    const seed002 = structuredClone(seedRecord('002'));
    seed002.roles[0].description = 'Collections associates negotiate settlements with debtors.';
    seed002.source.sha256 = 'd'.repeat(64);
    new RoleStore(store.db).storePage(seed002, seedRecord('002').source.path);
    expect(searchRow('collections-associate').description).toBe('Collections associates negotiate settlements with debtors.');
    expect(store.db.prepare("SELECT role_key FROM role_search WHERE role_search MATCH 'debtors'").all()).toEqual([{ role_key: 'collections-associate' }]);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM role_search').get()).toEqual({ n: store.counts().roles });
  });
});
