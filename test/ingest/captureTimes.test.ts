import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingest, type IngestOptions } from '../../src/ingest/ingest.js';
import { RoleStore } from '../../src/store/roleStore.js';
import { FIXTURES } from '../support/seeds.js';

const HERE: IngestOptions = { concurrency: 0 };
const JANUARY = new Date('2026-01-15T09:00:00Z');
const FEBRUARY = new Date('2026-02-15T09:00:00Z');
const MARCH = new Date('2026-03-15T09:00:00Z');

const opened: RoleStore[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

/**
 * A page crawled three times: January shows Collections Coordinator at $37,938, February at
 * $50,000, and March finds January's bytes again. March is the newest capture whatever the order.
 */
function threeCrawls(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rolepages-three-crawls-'));
  const seed = readFileSync(join(FIXTURES, '000_61d26842a8aa7f89.txt'), 'utf8');
  writeFileSync(join(dir, 'jan.txt'), seed);
  writeFileSync(join(dir, 'feb.txt'), seed.replaceAll('$37,938', '$50,000'));
  writeFileSync(join(dir, 'mar.txt'), seed);
  utimesSync(join(dir, 'jan.txt'), JANUARY, JANUARY);
  utimesSync(join(dir, 'feb.txt'), FEBRUARY, FEBRUARY);
  utimesSync(join(dir, 'mar.txt'), MARCH, MARCH);
  return dir;
}

describe('a capture is content at a time', () => {
  it.each([
    ['jan, feb, mar', ['jan', 'feb', 'mar']],
    ['mar, jan, feb', ['mar', 'jan', 'feb']],
    ['all at once', ['jan feb mar']],
  ])('stores content seen again at a new time as a new capture, so the newest crawl wins: %s', async (_order, runs) => {
    const dir = threeCrawls();
    const db = join(dir, 'roles.db');
    for (const run of runs) await ingest(db, run.split(' ').map((name) => join(dir, `${name}.txt`)), HERE);
    const store = RoleStore.open(db);
    opened.push(store);
    expect(store.db.prepare("SELECT yearly_salary FROM roles WHERE key = 'collections-coordinator'").pluck().get()).toBe(37938);
    expect(store.counts()).toEqual({ captures: 3, pages: 1, roles: 2, conflicts: 0 });
    expect(
      store.db
        .prepare(
          `SELECT p.path, p.captured_at, p.time_source, o.value FROM pages p JOIN observations o ON o.page_id = p.id
           WHERE o.role_key = 'collections-coordinator' AND o.field = 'yearlySalary' ORDER BY p.captured_at`,
        )
        .all(),
    ).toEqual([
      { path: 'jan.txt', captured_at: JANUARY.toISOString(), time_source: 'file', value: '37938' },
      { path: 'feb.txt', captured_at: FEBRUARY.toISOString(), time_source: 'file', value: '50000' },
      { path: 'mar.txt', captured_at: MARCH.toISOString(), time_source: 'file', value: '37938' },
    ]);
  });

  it('stores known content at a new time without extracting it again, and skips the same file at the same time', async () => {
    const dir = threeCrawls();
    const db = join(dir, 'roles.db');
    await ingest(db, [join(dir, 'jan.txt')], HERE);
    const store = RoleStore.open(db);
    opened.push(store);
    const warnings = (id: number) => store.db.prepare('SELECT role_key, field, message FROM page_warnings WHERE page_id = ? ORDER BY rowid').all(id);
    expect(await ingest(db, [join(dir, 'mar.txt')], HERE)).toMatchObject({ stored: 1, skipped: 0, captures: 2 });
    // March's sides and warnings are January's, copied: the same bytes read the same.
    const sides = store.db.prepare('SELECT page_id, side, role_key, facts FROM page_sides ORDER BY page_id, side').all() as Array<{ page_id: number; facts: string }>;
    expect(sides.map((s) => s.page_id)).toEqual([1, 1, 2, 2]);
    expect(sides[2]!.facts).toBe(sides[0]!.facts);
    expect(warnings(2)).toEqual(warnings(1));
    expect(await ingest(db, [join(dir, 'jan.txt'), join(dir, 'mar.txt')], HERE)).toMatchObject({ stored: 0, skipped: 2, captures: 2 });
  });
});
