import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFiles } from '../../src/ingest/collectFiles.js';
import { ingest, type IngestOptions } from '../../src/ingest/ingest.js';
import { readCapture } from '../../src/ingest/readCapture.js';
import { closeReadOnlyForThread } from '../../src/store/openDatabase.js';
import { RoleStore } from '../../src/store/roleStore.js';
import { flattened, htmlGrid, htmlTable, tabular } from '../support/journeymanPage.js';
import { renderFlatCapture, renderTabularCapture } from '../support/renderCaptures.js';
import { FIXTURES, SEED_CAPTURES, SEED_PAGE_COUNTS } from '../support/seeds.js';
import { dump, tempDb } from '../store/storeFixtures.js';
import { storesClosedAfterEach } from '../support/openedStores.js';

const SEEDS = SEED_CAPTURES;
const FIXTURE_PAGES = readdirSync(FIXTURES).filter((f) => !f.endsWith('.json')).sort();
/** The seeds' captures among the fixtures: each seed page saved as text and as HTML. */
const SEED_FIXTURES = FIXTURE_PAGES.filter((f) => /^00\d_/.test(f));

/** Run from the TypeScript sources: the files are read on this thread. */
const HERE: IngestOptions = { concurrency: 0 };
const JANUARY = new Date('2026-01-15T09:00:00Z');
const JULY = new Date('2026-07-01T09:00:00Z');

/** A folder holding the database and a copy of the seed pages, so tests can edit and add files. */
function seedDir(): { dir: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rolepages-ingest-'));
  for (const name of SEEDS) copyFileSync(join(FIXTURES, name), join(dir, name));
  return { dir, db: join(dir, 'roles.db') };
}

/** The database `file`, open for the test's checks. */
const open = storesClosedAfterEach();

const pageCounts = (store: RoleStore) => store.db.prepare('SELECT key, page_count FROM roles ORDER BY key').all();

describe('ingest of the seed pages', () => {
  it('stores the 5 seed pages and reconciles 6 roles without conflicts', async () => {
    const { dir, db } = seedDir();
    const summary = await ingest(db, [dir], HERE);
    expect(summary).toEqual({ stored: 5, skipped: 0, failed: [], passedOver: 0, stopped: null, notReached: [], pendingRoles: 0, captures: 5, pages: 5, roles: 6, conflicts: 0 });
    const store = open(db);
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
    const { dir, db } = seedDir();
    await ingest(db, [dir], HERE);
    const snapshot = () => {
      const store = RoleStore.open(db);
      const rows = [dump(store.db, 'roles', 'key'), dump(store.db, 'pages', 'id'), dump(store.db, 'observations', 'page_id, side, field')];
      store.close();
      return rows;
    };
    const before = snapshot();
    const again = await ingest(db, [dir], HERE);
    expect(again).toMatchObject({ stored: 0, skipped: 5, failed: [], stopped: null });
    expect(snapshot()).toEqual(before);
  });

  it('leaves no role pending at its end, and reconciles the roles a killed run left pending', async () => {
    const { dir, db } = seedDir();
    const files = SEEDS.map((name) => join(dir, name));
    await ingest(db, files, { ...HERE, batchSize: 1 });
    const settled = open(db);
    expect(settled.pendingCount()).toBe(0);

    // A run killed between its two phases: every capture stored, no role made yet.
    const killedDb = join(mkdtempSync(join(tmpdir(), 'rolepages-killed-')), 'roles.db');
    const killed = open(killedDb);
    for (const path of files) {
      const read = await readCapture({ path, database: killedDb });
      if (read.kind !== 'page') throw new Error(`expected a page, got ${JSON.stringify(read)}`);
      killed.storeCaptures([{ path, record: read.record, capturedAt: read.capturedAt }]);
    }
    closeReadOnlyForThread();
    expect(killed.pendingCount()).toBe(6);
    expect(killed.counts().roles).toBe(0);
    expect(await ingest(killedDb, files, HERE)).toMatchObject({ stored: 0, skipped: 5, failed: [], stopped: null, roles: 6 });
    expect(killed.pendingCount()).toBe(0);
    expect(dump(killed.db, 'roles', 'key')).toEqual(dump(settled.db, 'roles', 'key'));
  });

  it('gives an identical roles table when the files are ingested in reverse order', async () => {
    const { dir, db } = seedDir();
    const files = SEEDS.map((name) => join(dir, name));
    await ingest(db, files, HERE);
    const reverseDb = join(dir, 'reverse.db');
    await ingest(reverseDb, [...files].reverse(), { ...HERE, batchSize: 1 });
    const forward = open(db);
    const reverse = open(reverseDb);
    expect(dump(reverse.db, 'roles', 'key')).toEqual(dump(forward.db, 'roles', 'key'));
    expect(dump(reverse.db, 'role_skills', 'role_key, name')).toEqual(dump(forward.db, 'role_skills', 'role_key, name'));
  });

  it('records a salary one page shows differently from the others as a conflict naming both values', async () => {
    const { dir, db } = seedDir();
    // Seed 001 edited: its Collections Coordinator earns $39,120, where seeds 000 and 004 say $37,938.
    const seed001 = join(dir, SEEDS[1]!);
    writeFileSync(seed001, readFileSync(seed001, 'utf8').replace('| Yearly salary | $38,949 | $37,938 |', '| Yearly salary | $38,949 | $39,120 |'));
    const summary = await ingest(db, [dir], HERE);
    expect(summary).toMatchObject({ stored: 5, pages: 5, conflicts: 1 });
    expect(open(db).db.prepare('SELECT role_key, field, value, page_count, chosen FROM conflicts ORDER BY value').all()).toEqual([
      { role_key: 'collections-coordinator', field: 'yearlySalary', value: '37938', page_count: 2, chosen: 1 },
      { role_key: 'collections-coordinator', field: 'yearlySalary', value: '39120', page_count: 1, chosen: 0 },
    ]);
  });

  it('stores a file saved again with new content as a new capture of its page, which then speaks for it', async () => {
    const { dir, db } = seedDir();
    const path = join(dir, SEEDS[0]!);
    utimesSync(path, JANUARY, JANUARY);
    await ingest(db, [dir], HERE);
    writeFileSync(path, readFileSync(path, 'utf8').replace('| Number of jobs | 40,113 | 116,010 |', '| Number of jobs | 41,000 | 116,010 |'));
    utimesSync(path, JULY, JULY);
    const summary = await ingest(db, [dir], HERE);
    expect(summary).toMatchObject({ stored: 1, skipped: 4, captures: 6, pages: 5, roles: 6, conflicts: 1 });
    const store = open(db);
    // Seed 000 now says 41,000, against 40,113 on seeds 001 and 004.
    expect(store.db.prepare("SELECT value, page_count FROM conflicts WHERE role_key = 'collections-coordinator' AND field = 'numberOfJobs' ORDER BY value").all()).toEqual([
      { value: '40113', page_count: 2 },
      { value: '41000', page_count: 1 },
    ]);
    // Its January capture is kept, as the page's history.
    const history = store.db
      .prepare(
        `SELECT p.path, p.captured_at, o.value FROM observations o JOIN pages p ON p.id = o.page_id
         WHERE p.page_key = 'collections-coordinator-vs-account-specialist' AND o.role_key = 'collections-coordinator' AND o.field = 'numberOfJobs'
         ORDER BY p.captured_at`,
      )
      .all();
    expect(history).toEqual([
      { path: SEEDS[0], captured_at: JANUARY.toISOString(), value: '40113' },
      { path: SEEDS[0], captured_at: JULY.toISOString(), value: '41000' },
    ]);
  });

  it('names each file that fails with its reason and stores all the others', async () => {
    const { dir, db } = seedDir();
    writeFileSync(join(dir, 'notes.txt'), 'Shopping list: milk, eggs.\n');
    const summary = await ingest(db, [dir, join(dir, 'missing.html')], HERE);
    expect(summary.stored).toBe(5);
    // In input order: a path that is not there is a file that cannot be read, as extract says.
    expect(summary.failed).toEqual([
      { path: join(dir, 'notes.txt'), code: 'not-a-comparison', reason: expect.stringMatching(/comparison page/) },
      { path: join(dir, 'missing.html'), code: 'unreadable', reason: 'cannot read the file (ENOENT); check that it exists and is readable' },
    ]);
  });
  it('fails a link to a file with no end (/proc/self/pagemap) alone, at the size cap, and stores the page beside it', async () => {
    const { dir, db } = seedDir();
    symlinkSync('/proc/self/pagemap', join(dir, 'pagemap.html'));
    const summary = await ingest(db, [dir], HERE);
    expect(summary.stored).toBe(5);
    expect(summary.failed).toEqual([
      {
        path: join(dir, 'pagemap.html'),
        code: 'too-large',
        reason: 'the file goes on past the 5.0 MiB limit for one page (its size said less)',
      },
    ]);
  });

  it('stores a page whose file name is not UTF-8 (caf\\xe9.txt), found by walking its folder', async () => {
    const { dir, db } = seedDir();
    const text = readFileSync(join(dir, SEEDS[0]!), 'utf8').replaceAll('$37,938', '$38,100');
    writeFileSync(Buffer.concat([Buffer.from(join(dir, 'caf')), Buffer.from([0xe9]), Buffer.from('.txt')]), text);
    const summary = await ingest(db, [dir], HERE);
    expect(summary.failed).toEqual([]);
    expect(summary.stored).toBe(6);
    // Stored as text any UTF-8 reader takes, the stray byte written as printable writes it.
    expect(open(db).db.prepare("SELECT path FROM pages WHERE path LIKE 'caf%'").pluck().all()).toEqual(['caf\\xe9.txt']);
  });
});

describe('pages and captures', () => {
  it('counts pages, not files: the fixtures are five pages each saved as text and as HTML, and one page in four shapes', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'rolepages-pages-')), 'roles.db');
    const summary = await ingest(db, FIXTURE_PAGES.map((name) => join(FIXTURES, name)), HERE);
    expect(summary).toMatchObject({ stored: 14, failed: [], captures: 14, pages: 6, roles: 8, conflicts: 0 });
    expect(pageCounts(open(db))).toEqual(
      [...SEED_PAGE_COUNTS, { key: 'arborist', page_count: 1 }, { key: 'tree-trimmer', page_count: 1 }].sort((a, b) => (a.key < b.key ? -1 : 1)),
    );
  });

  it('counts pages, not files, when every seed is also saved as tabular and as flattened text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolepages-pages-'));
    const grids: Record<string, { grid: string; row: string }> = {
      '007_c0781b1da5386105_grid.html': { grid: '.compare-grid', row: '.compare-row' },
      '009_53ee470b7ca18917_grid.html': { grid: 'jc-compare', row: 'jc-row' },
    };
    for (const name of SEED_FIXTURES) {
      copyFileSync(join(FIXTURES, name), join(dir, name));
      if (!name.endsWith('.html')) continue;
      const html = readFileSync(join(FIXTURES, name), 'utf8');
      writeFileSync(join(dir, `${name}.tabular.txt`), renderTabularCapture(html, grids[name] ?? null));
      writeFileSync(join(dir, `${name}.flat.txt`), renderFlatCapture(html, grids[name] ?? null));
    }
    const db = join(dir, 'roles.db');
    const summary = await ingest(db, [dir], HERE);
    expect(summary).toMatchObject({ failed: [], captures: 20, pages: 5, roles: 6 });
    expect(summary.stored + summary.skipped).toBe(20);
    expect(pageCounts(open(db))).toEqual(SEED_PAGE_COUNTS);
  });

  /**
   * One page saved in January and again in July, after the site raised Collections Coordinator's
   * salary from $37,938 to $39,500: whichever is ingested first, July's speaks for the page.
   */
  it.each([
    ['January then July', ['january.txt', 'july.txt']],
    ['July then January', ['july.txt', 'january.txt']],
  ])('gives the newer crawl of a page its values, no conflict, and keeps the older in observations: %s', async (_order, names) => {
    const dir = mkdtempSync(join(tmpdir(), 'rolepages-crawls-'));
    const seed000 = readFileSync(join(FIXTURES, SEEDS[0]!), 'utf8');
    writeFileSync(join(dir, 'january.txt'), seed000);
    // The site changed the figure everywhere it shows it: the table, the averages and the intro.
    writeFileSync(join(dir, 'july.txt'), seed000.replaceAll('$37,938', '$39,500'));
    utimesSync(join(dir, 'january.txt'), JANUARY, JANUARY);
    utimesSync(join(dir, 'july.txt'), JULY, JULY);
    const db = join(dir, 'roles.db');
    for (const name of names) expect(await ingest(db, [join(dir, name)], HERE)).toMatchObject({ stored: 1, failed: [], stopped: null });

    const store = open(db);
    expect(store.counts()).toEqual({ captures: 2, pages: 1, roles: 2, conflicts: 0 });
    expect(store.db.prepare("SELECT page_count, yearly_salary FROM roles WHERE key = 'collections-coordinator'").get()).toEqual({ page_count: 1, yearly_salary: 39500 });
    expect(store.db.prepare('SELECT * FROM conflicts').all()).toEqual([]);
    const history = store.db
      .prepare(
        `SELECT p.path, p.captured_at, o.value FROM observations o JOIN pages p ON p.id = o.page_id
         WHERE o.role_key = 'collections-coordinator' AND o.field = 'yearlySalary' ORDER BY p.captured_at`,
      )
      .all();
    expect(history).toEqual([
      { path: 'january.txt', captured_at: JANUARY.toISOString(), value: '37938' },
      { path: 'july.txt', captured_at: JULY.toISOString(), value: '39500' },
    ]);
  });

  it('stores paths relative to the database, so a folder moved with its database is skipped whole on the next run', async () => {
    const { dir, db } = seedDir();
    await ingest(db, [dir], HERE);
    const moved = join(mkdtempSync(join(tmpdir(), 'rolepages-moved-')), 'pages');
    // Moved as mv or cp -p move it: with its files' times (a copy made now would be a capture made now).
    cpSync(dir, moved, { recursive: true, preserveTimestamps: true });
    const before = open(join(moved, 'roles.db')).db.prepare('SELECT path FROM pages ORDER BY path').pluck().all();
    expect(before).toEqual(SEEDS);
    expect(await ingest(join(moved, 'roles.db'), [moved], HERE)).toMatchObject({ stored: 0, skipped: 5, failed: [], captures: 5, pages: 5 });
  });
});

describe('ingest of pages without an overview table', () => {
  it('stores each capture, and both roles of each page get a row with the values the salary table shows', async () => {
    const pages = mkdtempSync(join(tmpdir(), 'rolepages-no-overview-'));
    writeFileSync(join(pages, 'journeyman.txt'), tabular);
    writeFileSync(join(pages, 'journeyman-flat.txt'), flattened);
    writeFileSync(join(pages, 'journeyman-table.html'), htmlTable);
    writeFileSync(join(pages, 'journeyman-grid.html'), htmlGrid);
    const db = tempDb();
    const summary = await ingest(db, [pages], HERE);
    // Four captures of one page, in four shapes.
    expect(summary).toMatchObject({ stored: 4, failed: [], captures: 4, pages: 1, roles: 2, conflicts: 0 });
    const rows = open(db).db
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
    const { dir, db } = seedDir();
    for (const name of written) copyFileSync(join(FIXTURES, name), join(dir, name));
    const summary = await ingest(db, [dir], HERE);
    expect(summary).toMatchObject({ stored: 9, failed: [], captures: 9, pages: 6, roles: 8, conflicts: 0 });
    expect(open(db).db.prepare("SELECT key, yearly_salary, average_age, hourly_rate FROM roles WHERE key IN ('tree-trimmer', 'arborist') ORDER BY key").all()).toEqual([
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

  it('walks folders and files whose names are not UTF-8, each name keeping its bytes', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rolepages-walk-'));
    const bytes = (text: string, ...tail: number[]) => Buffer.concat([Buffer.from(text), Buffer.from(tail)]);
    mkdirSync(bytes(join(root, 'r'), 0xe9, 0x73));
    writeFileSync(bytes(join(root, 'r'), 0xe9, 0x73, ...Buffer.from('/caf'), 0xe9, ...Buffer.from('.txt')), 'x');
    writeFileSync(bytes(join(root, 'caf'), 0xe8, ...Buffer.from('.txt')), 'x');
    const { files, problems } = await collectFiles([root]);
    expect(files).toEqual([join(root, 'caf\udce8.txt'), join(root, 'r\udce9s', 'caf\udce9.txt')]);
    expect(problems).toEqual([]);
  });
});
