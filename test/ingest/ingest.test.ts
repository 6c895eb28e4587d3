import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectFiles } from '../../src/ingest/collectFiles.js';
import { extractFile } from '../../src/ingest/extractFile.js';
import { ingest } from '../../src/ingest/ingest.js';
import { RoleStore } from '../../src/store/roleStore.js';
import { flattened, htmlGrid, htmlTable, tabular } from '../support/journeymanPage.js';
import { FIXTURES, SEED_CAPTURES } from '../support/seeds.js';
import { dump, tempDb } from '../store/storeFixtures.js';

const SEEDS = SEED_CAPTURES;

/** A copy of the seed pages in a fresh directory, so tests can edit and add files. */
function seedDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rolepages-ingest-'));
  for (const name of SEEDS) copyFileSync(join(FIXTURES, name), join(dir, name));
  return dir;
}

let store: RoleStore;
let dir: string;
beforeEach(() => {
  store = RoleStore.open(tempDb());
  dir = seedDir();
});
afterEach(() => store.close());

describe('ingest of the seed pages', () => {
  it('stores the 5 seed pages and reconciles 6 roles without conflicts', async () => {
    const summary = await ingest(store, [dir]);
    expect(summary).toEqual({ stored: 5, skipped: 0, failed: [], pages: 5, roles: 6, conflicts: 0 });
    const rows = store.db.prepare('SELECT key, page_count, average_age FROM roles ORDER BY key').all();
    expect(rows).toEqual([
      { key: 'account-specialist', page_count: 3, average_age: 46 },
      { key: 'collections-accounts-receivable', page_count: 1, average_age: 46 },
      { key: 'collections-associate', page_count: 1, average_age: 46 },
      // Seeds 000, 001 and 004 show it; the flattened 004 agrees on 46.
      { key: 'collections-coordinator', page_count: 3, average_age: 46 },
      { key: 'collections-representative', page_count: 1, average_age: 46 },
      { key: 'senior-collection-specialist', page_count: 1, average_age: 46 },
    ]);
    expect(store.db.prepare("SELECT number_of_jobs FROM roles WHERE key = 'collections-representative'").get()).toEqual({ number_of_jobs: 85275 });
  });

  it('stores nothing new and changes no row the second time', async () => {
    await ingest(store, [dir]);
    const before = [dump(store.db, 'roles', 'key'), dump(store.db, 'pages', 'id'), dump(store.db, 'observations', 'page_id, side, field')];
    const again = await ingest(store, [dir]);
    expect(again).toMatchObject({ stored: 0, skipped: 5, failed: [] });
    expect([dump(store.db, 'roles', 'key'), dump(store.db, 'pages', 'id'), dump(store.db, 'observations', 'page_id, side, field')]).toEqual(before);
  });

  it('leaves no role pending at its end, and catches up the roles a killed run left pending', async () => {
    const files = SEEDS.map((name) => join(dir, name));
    await ingest(store, files, { batchSize: 1 });
    expect(store.pendingCount()).toBe(0);
    const settled = dump(store.db, 'roles', 'key');

    // A run killed between a batch and its catch-up: Collections Coordinator's later pages are
    // stored, its row still counts only the first one.
    const killed = RoleStore.open(tempDb());
    for (const file of files) {
      const extracted = extractFile({ path: file, bytes: readFileSync(file) });
      if (!extracted.ok) throw new Error(extracted.reason);
      killed.storeBatch([{ path: file, record: extracted.record }], { deferStoredRoles: true });
    }
    expect(killed.pendingCount()).toBeGreaterThan(0);
    expect(await ingest(killed, files)).toMatchObject({ stored: 0, skipped: 5, failed: [] });
    expect(killed.pendingCount()).toBe(0);
    expect(dump(killed.db, 'roles', 'key')).toEqual(settled);
    killed.close();
  });

  it('gives an identical roles table when the files are ingested in reverse order', async () => {
    const files = SEEDS.map((name) => join(dir, name));
    await ingest(store, files);
    const reverse = RoleStore.open(tempDb());
    await ingest(reverse, [...files].reverse(), { concurrency: 0, batchSize: 1 });
    expect(dump(reverse.db, 'roles', 'key')).toEqual(dump(store.db, 'roles', 'key'));
    expect(dump(reverse.db, 'role_skills', 'role_key, name')).toEqual(dump(store.db, 'role_skills', 'role_key, name'));
    reverse.close();
  });

  it('records an edited salary as a conflict naming both values', async () => {
    const edited = readFileSync(join(dir, SEEDS[0]!), 'utf8').replace('| Yearly salary | $37,938 |', '| Yearly salary | $39,120 |');
    writeFileSync(join(dir, 'edited-000.txt'), edited);
    const summary = await ingest(store, [dir]);
    expect(summary).toMatchObject({ stored: 6, conflicts: 1 });
    expect(store.db.prepare('SELECT role_key, field, value, page_count, chosen FROM conflicts ORDER BY value').all()).toEqual([
      { role_key: 'collections-coordinator', field: 'yearlySalary', value: '37938', page_count: 3, chosen: 1 },
      { role_key: 'collections-coordinator', field: 'yearlySalary', value: '39120', page_count: 1, chosen: 0 },
    ]);
  });

  it('replaces the observations of a file that changed, keeping everything else', async () => {
    await ingest(store, [dir]);
    const path = join(dir, SEEDS[0]!);
    writeFileSync(path, readFileSync(path, 'utf8').replace('| Number of jobs | 40,113 |', '| Number of jobs | 41,000 |'));
    const summary = await ingest(store, [dir]);
    expect(summary).toMatchObject({ stored: 1, skipped: 4, pages: 5, roles: 6, conflicts: 1 });
    const values = store.db
      .prepare("SELECT value, page_count FROM conflicts WHERE role_key = 'collections-coordinator' AND field = 'numberOfJobs' ORDER BY value")
      .all();
    expect(values).toEqual([
      { value: '40113', page_count: 2 },
      { value: '41000', page_count: 1 },
    ]);
  });

  it('names each file that fails with its reason and stores all the others', async () => {
    writeFileSync(join(dir, 'notes.txt'), 'Shopping list: milk, eggs.\n');
    const summary = await ingest(store, [dir, join(dir, 'missing.html')]);
    expect(summary.stored).toBe(5);
    expect(summary.failed.map((f) => f.path)).toEqual([join(dir, 'missing.html'), join(dir, 'notes.txt')]);
    expect(summary.failed[1]?.reason).toMatch(/comparison page/);
  });
});

describe('ingest of pages without an overview table', () => {
  it('stores each capture, and both roles of each page get a row with the values the salary table shows', async () => {
    const pages = mkdtempSync(join(tmpdir(), 'rolepages-no-overview-'));
    writeFileSync(join(pages, 'journeyman.txt'), tabular);
    writeFileSync(join(pages, 'journeyman-flat.txt'), flattened);
    writeFileSync(join(pages, 'journeyman-table.html'), htmlTable);
    writeFileSync(join(pages, 'journeyman-grid.html'), htmlGrid);
    const summary = await ingest(store, [pages]);
    expect(summary).toMatchObject({ stored: 4, failed: [], roles: 2, conflicts: 0 });
    const rows = store.db
      .prepare('SELECT key, yearly_salary, salary_min, salary_max, highest_paying_city, highest_paying_state, best_paying_company, best_paying_industry, hourly_rate, number_of_jobs FROM roles ORDER BY key')
      .all();
    expect(rows).toEqual([
      {
        key: 'journeyman',
        yearly_salary: 57682,
        salary_min: 39000,
        salary_max: 83000,
        highest_paying_city: 'San Francisco, CA',
        highest_paying_state: 'Washington',
        best_paying_company: 'CVR Energy',
        best_paying_industry: 'Construction',
        hourly_rate: null,
        number_of_jobs: null,
      },
      {
        key: 'master-electrician',
        yearly_salary: 52154,
        salary_min: 31000,
        salary_max: 86000,
        highest_paying_city: 'Minneapolis, MN',
        highest_paying_state: 'Vermont',
        best_paying_company: 'Allegro MicroSystems',
        best_paying_industry: 'Energy',
        hourly_rate: null,
        number_of_jobs: null,
      },
    ]);
  });

  it('stores the fixtures of such a page alongside the seeds', async () => {
    const written = readdirSync(FIXTURES).filter((f) => f.includes('no-overview') && !f.endsWith('.json'));
    expect(written).toEqual(['010_no-overview.txt', '011_no-overview_flat.txt', '012_no-overview_table.html', '013_no-overview_grid.html']);
    for (const name of written) copyFileSync(join(FIXTURES, name), join(dir, name));
    const summary = await ingest(store, [dir]);
    expect(summary).toMatchObject({ stored: 9, failed: [], roles: 8, conflicts: 0 });
    expect(store.db.prepare("SELECT key, yearly_salary, average_age, hourly_rate FROM roles WHERE key IN ('tree-trimmer', 'arborist') ORDER BY key").all()).toEqual([
      { key: 'arborist', yearly_salary: 56930, average_age: 44, hourly_rate: null },
      { key: 'tree-trimmer', yearly_salary: 41260, average_age: 39, hourly_rate: null },
    ]);
  });
});

describe('collectFiles', () => {
  it('walks directories recursively for page files only, each once, in name order', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rolepages-walk-'));
    mkdirSync(join(root, 'b', 'deep'), { recursive: true });
    for (const f of ['a.html', 'b/deep/c.htm', 'b/d.md', 'b/e.TXT', 'b/page.json', 'b/image.png']) writeFileSync(join(root, f), 'x');
    const { files, problems } = await collectFiles([root, join(root, 'a.html')]);
    expect(files).toEqual(['a.html', 'b/d.md', 'b/deep/c.htm', 'b/e.TXT'].map((f) => join(root, f)));
    expect(problems).toEqual([]);
  });

  it('takes a file named on the command line whatever its extension', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rolepages-walk-'));
    writeFileSync(join(root, 'saved-page'), 'x');
    expect((await collectFiles([join(root, 'saved-page')])).files).toEqual([join(root, 'saved-page')]);
  });
});
