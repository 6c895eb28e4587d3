import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/bench/random.js';
import { renderPage } from '../../src/bench/renderPages.js';
import { rolePool, type RoleTruth } from '../../src/bench/rolePool.js';
import { ingest, type IngestOptions } from '../../src/ingest/ingest.js';
import { RunReport } from '../../src/ingest/runReport.js';
import { RoleStore } from '../../src/store/roleStore.js';
import { PNG, type RecordSpec, serializeRecords, writeArchive } from '../support/webArchive.js';
import { storesClosedAfterEach } from '../support/openedStores.js';

/** Run from the TypeScript sources: the records are extracted on this thread. */
const HERE: IngestOptions = { concurrency: 0 };
const JANUARY = Date.parse('2026-01-15T09:00:00Z');
const JULY = Date.parse('2026-07-15T09:00:00Z');
const MINUTE = 60_000;

/**
 * Twelve roles on twenty pages: roles 0-9 each against role 10 and role 11. Between the crawls the
 * site changed the number of jobs of roles 2, 5 and 10, everywhere they appear (role 10 is on ten pages).
 */
const JANUARY_ROLES = rolePool(12, 24);
const CHANGED = [2, 5, 10];
const JULY_ROLES: RoleTruth[] = JANUARY_ROLES.map((role, i) => (CHANGED.includes(i) ? { ...role, numberOfJobs: role.numberOfJobs + 12_345 } : role));
const PAIRS = Array.from({ length: 20 }, (_, i) => [i % 10, 10 + Math.floor(i / 10)] as const);

const pageUrl = (a: RoleTruth, b: RoleTruth) => `https://www.zippia.com/${a.key}-jobs/${a.key}-vs-${b.key}/`;
const iso = (time: number) => new Date(time).toISOString();

/**
 * A crawl of the site as a crawler archives it: for each of the twenty comparison pages a request
 * and a response (page i fetched i minutes after the start), and around them what every crawl
 * holds besides: the crawl's warcinfo, the home page, a missing robots.txt, an icon, a redirect
 * and the crawler's metadata.
 */
function crawl(roles: readonly RoleTruth[], start: number): RecordSpec[] {
  const date = iso(start);
  const specs: RecordSpec[] = [
    { type: 'warcinfo' },
    { type: 'request', url: 'https://www.zippia.com/', date },
    { type: 'response', url: 'https://www.zippia.com/', date, body: '<!DOCTYPE html><html><head><title>Zippia: find your career</title></head><body><h1>Explore careers</h1><p>Search 1,000,000 jobs.</p></body></html>' },
    { type: 'response', url: 'https://www.zippia.com/robots.txt', date, status: 404, body: '<html><body>Not found</body></html>' },
    { type: 'response', url: 'https://www.zippia.com/favicon.png', date, contentType: 'image/png', body: PNG },
    { type: 'response', url: 'https://www.zippia.com/careers', date, status: 301, headers: { Location: 'https://www.zippia.com/careers/' }, body: '' },
  ];
  for (const [i, [a, b]] of PAIRS.entries()) {
    const url = pageUrl(roles[a]!, roles[b]!);
    specs.push({ type: 'request', url, date: iso(start + i * MINUTE) });
    // A fresh generator a page: a page the site did not change is the same bytes in both crawls.
    specs.push({ type: 'response', url, date: iso(start + i * MINUTE), body: renderPage('html-table', roles[a]!, roles[b]!, new Random(i)) });
  }
  specs.push({ type: 'metadata', url: 'https://www.zippia.com/', date });
  return specs;
}
/** Everything in a crawl but its twenty pages. */
const NOT_PAGES = crawl(JANUARY_ROLES, JANUARY).length - 20;

/** The database `file`, open for the test's checks. */
const open = storesClosedAfterEach();

async function crawls(): Promise<{ dir: string; january: string; july: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'rolepages-archives-'));
  const january = join(dir, 'january.warc.gz');
  const july = join(dir, 'july.warc');
  await writeArchive(january, crawl(JANUARY_ROLES, JANUARY), { gzip: true });
  // WARC 1.0, uncompressed: crawlers write both.
  await writeArchive(july, crawl(JULY_ROLES, JULY), { gzip: false, version: 'WARC/1.0' });
  return { dir, january, july };
}

const jobsOf = (store: RoleStore, key: string) => store.db.prepare('SELECT number_of_jobs FROM roles WHERE key = ?').pluck().get(key);

describe('ingest of web archives', () => {
  it.each([
    ['newest first', ['july', 'january'] as const],
    ['oldest first', ['january', 'july'] as const],
  ])('takes two crawls of twenty pages six months apart as 20 pages, 40 captures at their WARC-Dates, the roles with the newer values: %s', async (_order, order) => {
    const archives = await crawls();
    const db = join(archives.dir, 'roles.db');
    for (const name of order) {
      expect(await ingest(db, [archives[name]], HERE)).toMatchObject({ stored: 20, skipped: 0, failed: [], passedOver: NOT_PAGES, stopped: null });
    }
    const store = open(db);
    expect(store.counts()).toEqual({ captures: 40, pages: 20, roles: 12, conflicts: 0 });

    // Each capture has its record's time and URL, and names the record it came from.
    const captures = store.db.prepare("SELECT path, url, captured_at, time_source FROM pages WHERE url LIKE '%' || ? || '-vs-%' ORDER BY captured_at").all(JANUARY_ROLES[3]!.key);
    expect(captures).toEqual([
      { path: expect.stringMatching(/^january\.warc\.gz#\d+$/), url: pageUrl(JANUARY_ROLES[3]!, JANUARY_ROLES[10]!), captured_at: '2026-01-15T09:03:00.000Z', time_source: 'archive' },
      { path: expect.stringMatching(/^january\.warc\.gz#\d+$/), url: pageUrl(JANUARY_ROLES[3]!, JANUARY_ROLES[11]!), captured_at: '2026-01-15T09:13:00.000Z', time_source: 'archive' },
      { path: expect.stringMatching(/^july\.warc#\d+$/), url: pageUrl(JANUARY_ROLES[3]!, JANUARY_ROLES[10]!), captured_at: '2026-07-15T09:03:00.000Z', time_source: 'archive' },
      { path: expect.stringMatching(/^july\.warc#\d+$/), url: pageUrl(JANUARY_ROLES[3]!, JANUARY_ROLES[11]!), captured_at: '2026-07-15T09:13:00.000Z', time_source: 'archive' },
    ]);
    expect(store.db.prepare("SELECT COUNT(*) FROM pages WHERE time_source = 'archive'").pluck().get()).toBe(40);

    // The three changed roles carry July's figures; the others kept theirs.
    for (const i of CHANGED) {
      expect({ role: JULY_ROLES[i]!.key, jobs: jobsOf(store, JULY_ROLES[i]!.key) }).toEqual({ role: JULY_ROLES[i]!.key, jobs: JANUARY_ROLES[i]!.numberOfJobs + 12_345 });
    }
    expect(jobsOf(store, JANUARY_ROLES[0]!.key)).toBe(JANUARY_ROLES[0]!.numberOfJobs);
    expect(store.db.prepare("SELECT COUNT(*) FROM observations WHERE field = 'numberOfJobs' AND role_key = ?").pluck().get(JANUARY_ROLES[10]!.key)).toBe(20);
  });

  it('skips every record already stored when an archive is ingested again', async () => {
    const { dir, january } = await crawls();
    const db = join(dir, 'roles.db');
    await ingest(db, [january], HERE);
    expect(await ingest(db, [january], HERE)).toMatchObject({ stored: 0, skipped: 20, failed: [], passedOver: NOT_PAGES, captures: 20 });
  });

  it('keeps the records before the cut of a crawl cut at 60 %, names the archive and the offset, and stores the rest from the whole archive', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolepages-cut-'));
    const specs = crawl(JANUARY_ROLES, JANUARY);
    const parts = await serializeRecords(specs, { gzip: true });
    const whole = Buffer.concat(parts.map((p) => Buffer.from(p)));
    const cut = Math.floor(whole.byteLength * 0.6);
    // The pages whose gzip member ends before the cut are whole.
    let end = 0;
    let before = 0;
    for (const [i, part] of parts.entries()) {
      end += part.byteLength;
      if (end <= cut && specs[i]!.type === 'response' && 'url' in specs[i]! && specs[i]!.url.includes('-vs-')) before++;
    }
    const archive = join(dir, 'crawl.warc.gz');
    writeFileSync(archive, whole.subarray(0, cut));
    const db = join(dir, 'roles.db');

    const first = await ingest(db, [archive], HERE);
    expect(before).toBeGreaterThan(5);
    expect(first).toMatchObject({ stored: before, captures: before, stopped: null });
    expect(first.failed).toEqual([{ path: archive, code: 'unreadable', reason: expect.stringMatching(/^the archive is cut short or damaged at byte \d+ \(unexpected end of file\); the records before it are stored, and a run on the whole archive stores the rest$/) }]);

    writeFileSync(archive, whole);
    expect(await ingest(db, [archive], HERE)).toMatchObject({ stored: 20 - before, skipped: before, failed: [], captures: 20, pages: 20 });
  });

  it('stores exactly the pages of a real wget --warc-file crawl, with their URLs, and passes over the index, the 404 robots.txt, requests and metadata', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolepages-wget-'));
    const db = join(dir, 'roles.db');
    const archive = new URL('../archives/wget-crawl.warc.gz', import.meta.url).pathname;
    const report = new RunReport(join(dir, 'report.json'));
    const summary = await ingest(db, [archive], { ...HERE, onFile: (outcome) => report.add(outcome) });
    // warcinfo, 5 requests, the index and robots.txt responses, wget's metadata and arguments resource.
    expect(summary).toMatchObject({ stored: 3, skipped: 0, failed: [], passedOver: 10, stopped: null });
    report.finish(summary, []);
    const written = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { files: Array<{ path: string }>; summary: Record<string, unknown> };
    expect(written.files.map((f) => f.path.slice(f.path.indexOf('#')))).toEqual(['#4479', '#16873', '#29731']);
    expect(written.summary).toMatchObject({ finished: true, files: 3, stored: 3, failed: 0, passedOver: 10 });
    const store = open(db);
    expect(store.db.prepare('SELECT url, page_key, captured_at, time_source FROM pages ORDER BY id').all()).toEqual([
      { url: 'http://127.0.0.1:46067/collections-coordinator-jobs/collections-coordinator-vs-account-specialist/', page_key: 'collections-coordinator-vs-account-specialist', captured_at: '2026-12-07T15:27:25.000Z', time_source: 'archive' },
      {
        url: 'http://127.0.0.1:46067/collections-accounts-receivable-jobs/collections-accounts-receivable-vs-collections-coordinator/',
        page_key: 'collections-accounts-receivable-vs-collections-coordinator',
        captured_at: '2026-12-07T15:27:25.000Z',
        time_source: 'archive',
      },
      { url: 'http://127.0.0.1:46067/tree-trimmer-jobs/tree-trimmer-vs-arborist/', page_key: 'tree-trimmer-vs-arborist', captured_at: '2026-12-07T15:27:25.000Z', time_source: 'archive' },
    ]);
    expect(store.db.prepare("SELECT yearly_salary FROM roles WHERE key = 'collections-coordinator'").pluck().get()).toBe(37938);
  });

  it('takes a revisit as a capture of the content it refers to, at the revisit’s time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolepages-revisit-'));
    const [a, b] = [JANUARY_ROLES[0]!, JANUARY_ROLES[10]!];
    const url = pageUrl(a, b);
    const archive = join(dir, 'crawl.warc.gz');
    await writeArchive(
      archive,
      [
        { type: 'response', url, date: iso(JANUARY), body: renderPage('html-table', a, b, new Random(1)) },
        { type: 'revisit', url, date: iso(JULY), refersTo: { url, date: iso(JANUARY) } },
        // A revisit of a page that is no comparison refers to nothing stored: passed over.
        { type: 'revisit', url: 'https://www.zippia.com/', date: iso(JULY), refersTo: { url: 'https://www.zippia.com/', date: iso(JANUARY) } },
      ],
      { gzip: true },
    );
    const db = join(dir, 'roles.db');
    expect(await ingest(db, [archive], HERE)).toMatchObject({ stored: 2, failed: [], passedOver: 1, captures: 2, pages: 1 });
    const store = open(db);
    const rows = store.db.prepare('SELECT captured_at, sha256 FROM pages ORDER BY captured_at').all() as Array<{ captured_at: string; sha256: string }>;
    expect(rows.map((r) => r.captured_at)).toEqual([iso(JANUARY), iso(JULY)]);
    expect(rows[1]!.sha256).toBe(rows[0]!.sha256);
    expect(store.db.prepare("SELECT COUNT(*) FROM observations WHERE field = 'numberOfJobs'").pluck().get()).toBe(4);
  });

  it('fails a file named .warc.gz that is no archive in one line naming why, and goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolepages-notwarc-'));
    const fake = join(dir, 'crawl.warc.gz');
    writeFileSync(fake, readFileSync(new URL('../../fixtures/005_61d26842a8aa7f89_table.html', import.meta.url)));
    const summary = await ingest(join(dir, 'roles.db'), [fake, new URL('../archives/wget-crawl.warc.gz', import.meta.url).pathname], HERE);
    expect(summary.failed).toEqual([{ path: fake, code: 'unreadable', reason: 'not a web archive: it does not begin with a WARC record ("WARC/1.0" or "WARC/1.1")' }]);
    expect(summary.stored).toBe(3);
  });
});
