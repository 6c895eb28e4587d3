import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractPage } from '../../src/extract/extractPage.js';
import { readPageText } from '../../src/read/readPage.js';
import { RoleStore } from '../../src/store/roleStore.js';
import { FIXTURES } from '../support/seeds.js';
import { StoreError } from '../../src/store/storeError.js';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import type { PageRecord } from '../../src/schema/pageRecord.js';
import { accountSpecialist, coordinator, page, representative } from '../reconcile/seedRoles.js';
import { CAPTURED_AT, dump, seedRecord, storeAll, storedId, tempDb } from './storeFixtures.js';

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
    storeAll(store, seedPages());
  });

  it('stores 5 captures of 5 pages and 6 roles, without conflicts', () => {
    expect(store.counts()).toEqual({ captures: 5, pages: 5, roles: 6, conflicts: 0 });
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

  it('skips content it has stored, under any path, lists no role as pending and changes no row', () => {
    const tables = ['roles:key', 'pages:id', 'observations:page_id, side, field', 'role_skills:role_key, name'];
    const snapshot = () =>
      tables.map((t) => {
        const [table, order] = t.split(':');
        return dump(store.db, table!, order!);
      });
    const before = snapshot();
    const stored = store.db.prepare('SELECT id FROM pages ORDER BY id').pluck().all();
    const again = store.storeCaptures([
      ...seedPages().slice(0, 2).map((p) => ({ path: '/elsewhere/copy.txt', record: p.record, capturedAt: CAPTURED_AT })),
      ...seedPages().slice(2, 4).map((p) => ({ path: p.path, sha256: p.record.source.sha256, capturedAt: CAPTURED_AT })),
    ]);
    expect(again).toEqual(stored.slice(0, 4).map((pageId) => ({ status: 'skipped', pageId })));
    expect(store.pendingCount()).toBe(0);
    expect(snapshot()).toEqual(before);
  });

  it('records a salary another page shows differently as a conflict naming both values', () => {
    // Collections Coordinator compared with Collections Representative: a page of its own
    // (the flattened seed 004 is the comparison the other way round).
    storeAll(store, [page([coordinator({ yearlySalary: 39120 }), representative()])]);
    expect(dump(store.db, 'conflicts', 'value')).toEqual([
      { role_key: 'collections-coordinator', field: 'yearlySalary', value: '37938', page_count: 3, chosen: 1 },
      { role_key: 'collections-coordinator', field: 'yearlySalary', value: '39120', page_count: 1, chosen: 0 },
    ]);
    expect(store.counts()).toEqual({ captures: 6, pages: 6, roles: 6, conflicts: 1 });
  });

  it('counts a page saved again (as HTML, or on a later crawl) once, and lets the newest capture speak for it', () => {
    // Seed 002 is Collections Associate's only page; the site raised its salary by July.
    const july = structuredClone(seedRecord('002'));
    july.roles[0].yearlySalary = 39500;
    july.source = { ...july.source, sha256: 'e'.repeat(64), format: 'html', url: 'https://www.zippia.com/collections-associate-jobs/collections-associate-vs-account-specialist/' };
    storeAll(store, [{ record: july, path: '/crawl-2/002.html', capturedAt: '2026-07-01T09:00:00.000Z' }]);
    expect(store.counts()).toEqual({ captures: 6, pages: 5, roles: 6, conflicts: 0 });
    expect(role('collections-associate')).toMatchObject({ page_count: 1, yearly_salary: 39500 });
    expect(role('account-specialist')).toMatchObject({ page_count: 3 });
    // The older capture is the page's history: still there, and not a conflict.
    const history = store.db
      .prepare(
        `SELECT p.captured_at, o.value FROM observations o JOIN pages p ON p.id = o.page_id
         WHERE o.role_key = 'collections-associate' AND o.field = 'yearlySalary' AND p.page_key = 'collections-associate-vs-account-specialist'
         ORDER BY p.captured_at`,
      )
      .all();
    expect(history).toEqual([
      { captured_at: CAPTURED_AT, value: '38589' },
      { captured_at: '2026-07-01T09:00:00.000Z', value: '39500' },
    ]);
  });
});

describe('RoleStore: ingest order', () => {
  it('gives an identical roles table when the pages are stored in reverse order', () => {
    for (const p of seedPages()) storeAll(store, [p]);
    const forward = dump(store.db, 'roles', 'key');
    const other = RoleStore.open(tempDb());
    for (const p of seedPages().reverse()) storeAll(other, [p]);
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
      for (const r of order) storeAll(s, [r]);
      expect(s.db.prepare("SELECT average_age FROM roles WHERE key = 'collections-coordinator'").get()).toEqual({ average_age: 46 });
      expect(s.db.prepare('SELECT field, resolved, candidates FROM page_warnings').all()).toEqual([{ field: 'averageAge', resolved: 1, candidates: '[464,46,4]' }]);
      expect(s.counts().conflicts).toBe(0);
      s.close();
    }
  });
});

describe('RoleStore: a file saved again with new content at a stored path', () => {
  it('is a new capture of its page: the newer speaks for it, the older stays as its history', () => {
    // Paths are kept relative to the database's folder, so the two travel together.
    const path = join(dirname(file), 'site', 'a.txt');
    storeAll(store, [{ record: page([coordinator(), accountSpecialist()]), path, capturedAt: '2026-01-15T09:00:00.000Z' }]);
    const [outcome] = storeAll(store, [{ record: page([coordinator({ yearlySalary: 39120 }), accountSpecialist()]), path, capturedAt: '2026-07-01T09:00:00.000Z' }]);
    expect(outcome?.status).toBe('stored');
    expect(store.db.prepare('SELECT path, page_key, captured_at FROM pages ORDER BY id').all()).toEqual([
      { path: 'site/a.txt', page_key: 'collections-coordinator-vs-account-specialist', captured_at: '2026-01-15T09:00:00.000Z' },
      { path: 'site/a.txt', page_key: 'collections-coordinator-vs-account-specialist', captured_at: '2026-07-01T09:00:00.000Z' },
    ]);
    expect(store.db.prepare('SELECT key, page_count, yearly_salary FROM roles ORDER BY key').all()).toEqual([
      { key: 'account-specialist', page_count: 1, yearly_salary: 42586 },
      { key: 'collections-coordinator', page_count: 1, yearly_salary: 39120 },
    ]);
    expect(store.counts()).toEqual({ captures: 2, pages: 1, roles: 2, conflicts: 0 });
  });

  it('is a capture of another page when it now compares other roles: the first capture and its roles stay', () => {
    const path = join(dirname(file), 'site', 'a.txt');
    storeAll(store, [{ record: page([coordinator(), accountSpecialist()]), path, capturedAt: '2026-01-15T09:00:00.000Z' }]);
    storeAll(store, [{ record: page([representative(), coordinator()]), path, capturedAt: '2026-07-01T09:00:00.000Z' }]);
    expect(store.db.prepare('SELECT key, page_count FROM roles ORDER BY key').all()).toEqual([
      { key: 'account-specialist', page_count: 1 },
      { key: 'collections-coordinator', page_count: 2 },
      { key: 'collections-representative', page_count: 1 },
    ]);
    expect(store.counts()).toEqual({ captures: 2, pages: 2, roles: 3, conflicts: 0 });
  });
});

describe('RoleStore: a batch of captures', () => {
  it('rolls back a capture that fails, whole, and stores the others', () => {
    const bad = page([coordinator(), accountSpecialist()]);
    // A warning without a field breaks a constraint once the capture's page and sides are written.
    bad.warnings = [{ role: 'collections-coordinator', field: null as unknown as string, message: 'a broken warning' }];
    const good = page([representative(), coordinator()]);
    const outcomes = store.storeCaptures([
      { path: '/site/bad.txt', record: bad, capturedAt: CAPTURED_AT },
      { path: '/site/good.txt', record: good, capturedAt: CAPTURED_AT },
      { path: '/site/gone.txt', sha256: 'f'.repeat(64), capturedAt: CAPTURED_AT },
    ]);
    expect(outcomes[0]).toEqual({ status: 'failed', reason: expect.stringMatching(/^rolepages could not store it: NOT NULL constraint failed: page_warnings.field$/) });
    expect(outcomes[1]).toEqual({ status: 'stored', pageId: expect.any(Number) });
    expect(outcomes[2]).toEqual({
      status: 'failed',
      reason: 'rolepages could not store it: its stored copy was removed from the database during the run; run ingest again',
    });
    expect(store.db.prepare('SELECT sha256 FROM pages').pluck().all()).toEqual([good.source.sha256]);
    expect(store.db.prepare('SELECT page_id FROM page_sides').pluck().all()).toEqual([storedId(outcomes[1]), storedId(outcomes[1])]);
    expect(store.db.prepare('SELECT role_key FROM pending_roles ORDER BY role_key').pluck().all()).toEqual(['collections-coordinator', 'collections-representative']);
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
    storeAll(store, [{ record: page([coordinator(), accountSpecialist()]), path: '/site/a.txt' }]);
    store.close();
    store = RoleStore.open(file);
    expect(store.counts()).toEqual({ captures: 1, pages: 1, roles: 2, conflicts: 0 });
  });
});

describe('RoleStore: reconciling a role again', () => {
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
  /** Seed 000 saved again in July, after the site changed the coordinator's salary and description. */
  const edited = () => {
    const record = structuredClone(seedRecord('000'));
    record.roles[0].yearlySalary = 39120;
    record.roles[0].description = 'Collections coordinators arrange payment plans.';
    record.source.sha256 = 'e'.repeat(64);
    return { record, path: '/edited/000.txt', capturedAt: '2026-07-01T09:00:00.000Z' };
  };
  /** Account Specialist compared with Collections Coordinator: another page than seed 000's. */
  const late = () => ({ record: page([accountSpecialist(), coordinator({ averageAge: 47 })], { path: '/late/1.txt' }), path: '/late/1.txt' });

  it('ends with the rows of one reconciliation from scratch, page by page, by a new store on the same file, and after an edit', () => {
    // Page by page: each role is first written new, then rewritten from its stored pages.
    for (const p of seedPages()) storeAll(store, [p]);
    storeAll(store, [edited()]);
    // A new store on the same file reconciles from what is stored alone.
    storeAll(new RoleStore(store.db), [late()]);

    const fresh = RoleStore.open(tempDb());
    storeAll(fresh, [...seedPages(), edited(), late()]);
    expect(roleRows(store)).toEqual(roleRows(fresh));
    // One search row per role, not one left behind or doubled.
    expect(roleRows(store).search).toHaveLength(store.counts().roles);
    // Seed 000 now speaks through its July capture, against seeds 001 and 004; the late page's
    // age stands against the three that agree.
    expect(store.db.prepare("SELECT field, value, page_count, chosen FROM conflicts WHERE role_key = 'collections-coordinator' AND field != 'description' ORDER BY field, value").all()).toEqual([
      { field: 'averageAge', value: '46', page_count: 3, chosen: 1 },
      { field: 'averageAge', value: '47', page_count: 1, chosen: 0 },
      { field: 'yearlySalary', value: '37938', page_count: 3, chosen: 1 },
      { field: 'yearlySalary', value: '39120', page_count: 1, chosen: 0 },
    ]);
    expect(role('collections-coordinator')).toMatchObject({ page_count: 4 });
    fresh.close();
  });

  it('keeps a search row whose text did not change, and rewrites one whose text did', () => {
    storeAll(store, seedPages());
    const searchRow = (key: string) => store.db.prepare('SELECT rowid, description FROM role_search WHERE role_key = ?').get(key) as { rowid: bigint; description: string };
    const coordinatorRow = searchRow('collections-coordinator');
    // A new age leaves the text as it was.
    storeAll(store, [late()]);
    expect(searchRow('collections-coordinator')).toEqual(coordinatorRow);
    // Seed 002 is Collections Associate's only page: a later capture of it gives the role a new description.
    const seed002 = structuredClone(seedRecord('002'));
    seed002.roles[0].description = 'Collections associates negotiate settlements with debtors.';
    seed002.source.sha256 = 'd'.repeat(64);
    storeAll(store, [{ record: seed002, capturedAt: '2026-07-01T09:00:00.000Z' }]);
    expect(searchRow('collections-associate').description).toBe('Collections associates negotiate settlements with debtors.');
    expect(store.db.prepare("SELECT role_key FROM role_search WHERE role_search MATCH 'debtors'").all()).toEqual([{ role_key: 'collections-associate' }]);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM role_search').get()).toEqual({ n: store.counts().roles });
  });
});

describe('roles whose titles differ only by a symbol', () => {
  /** Seed 000 with its roles renamed, and the first role's salary set, as the site would show another comparison. */
  function comparison(first: string, salary: string, sha: string): PageRecord {
    const text = readFileSync(join(FIXTURES, '000_61d26842a8aa7f89.txt'), 'utf8')
      .replace(/collections coordinator/gi, first)
      .replace(/account specialist/gi, 'Java Developer')
      .replaceAll('$37,938', salary);
    return extractPage(readPageText(text), { path: `${first} vs Java Developer.txt`, sha256: sha.repeat(64) });
  }

  it('keeps C++ Developer and C# Developer as two roles, each with its own salary, and counts both pages for Java Developer', () => {
    storeAll(store, [comparison('C++ Developer', '$37,938', 'a'), comparison('C# Developer', '$50,000', 'b'), comparison('C Developer', '$41,000', 'c')]);
    const rows = store.db.prepare('SELECT key, title, yearly_salary, page_count FROM roles ORDER BY key').all();
    expect(rows).toEqual([
      { key: 'c-developer', title: 'C Developer', yearly_salary: 41000, page_count: 1 },
      { key: 'c-plus-plus-developer', title: 'C++ Developer', yearly_salary: 37938, page_count: 1 },
      { key: 'c-sharp-developer', title: 'C# Developer', yearly_salary: 50000, page_count: 1 },
      { key: 'java-developer', title: 'Java Developer', yearly_salary: 42586, page_count: 3 },
    ]);
    expect(store.db.prepare("SELECT COUNT(*) FROM conflicts WHERE field = 'yearlySalary'").pluck().get()).toBe(0);
  });
});
