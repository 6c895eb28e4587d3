import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ingest, type IngestOptions } from '../../src/ingest/ingest.js';
import { RoleStore } from '../../src/store/roleStore.js';
import { accountSpecialist, coordinator, page, representative } from '../reconcile/seedRoles.js';
import { FIXTURES } from '../support/seeds.js';
import { tempDb } from './storeFixtures.js';
import { storesClosedAfterEach } from '../support/openedStores.js';

/** Run from the TypeScript sources: the files are read on this thread. */
const HERE: IngestOptions = { concurrency: 0 };
const JANUARY = '2026-01-15T09:00:00.000Z';
const APRIL = '2026-04-01T09:00:00.000Z';
const JULY = '2026-07-01T09:00:00.000Z';

/** Seed 000 (Collections Coordinator vs Account Specialist) and seed 001 (Collections/Accounts Receivable vs Collections Coordinator). */
const SEED_000 = readFileSync(join(FIXTURES, '000_61d26842a8aa7f89.txt'), 'utf8');
const SEED_001 = readFileSync(join(FIXTURES, '001_47a54ea3bd2ce3cc.txt'), 'utf8');
const JOBS_000 = '| Number of jobs | 40,113 | 116,010 |';
const JOBS_001 = '| Number of jobs | 30,523 | 40,113 |';

/** Writes `text` as a capture saved at `savedAt` (its modification time, the capture's time today). */
function saveCapture(dir: string, name: string, text: string, savedAt: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, text);
  utimesSync(path, new Date(savedAt), new Date(savedAt));
  return path;
}

/** `text` with one table row written anew; fails when the page has no such row. */
function withRow(text: string, row: string, replacement: string): string {
  expect(text).toContain(row);
  return text.replace(row, replacement);
}

/** The database `file`, open for the test's checks. */
const open = storesClosedAfterEach();

const changesOf = (store: RoleStore) => store.db.prepare('SELECT * FROM changes ORDER BY role_key, field, new_seen').all();

describe('changes: what the site changed between captures of a page', () => {
  it('lists a number of jobs that moved between two crawls of a page, with when each value was seen, whichever crawl is ingested first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolepages-changes-'));
    const january = saveCapture(join(dir, 'january'), '000.txt', SEED_000, JANUARY);
    const july = saveCapture(join(dir, 'july'), '000.txt', withRow(SEED_000, JOBS_000, '| Number of jobs | 41,870 | 116,010 |'), JULY);
    const expected = [
      { role_key: 'collections-coordinator', field: 'numberOfJobs', old_value: '40113', new_value: '41870', old_seen: JANUARY, new_seen: JULY, page_count: 1 },
    ];
    for (const order of [[january, july], [july, january]]) {
      const db = tempDb();
      for (const file of order) await ingest(db, [file], HERE);
      const store = open(db);
      expect(changesOf(store)).toEqual(expected);
      // The role carries the newer crawl's value; Account Specialist, unchanged, has no change.
      expect(store.db.prepare("SELECT number_of_jobs FROM roles WHERE key = 'collections-coordinator'").pluck().get()).toBe(41870);
    }
  });

  it('passes over a capture that does not show the field: a value missing from a capture is not a change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolepages-changes-'));
    saveCapture(dir, 'january.txt', SEED_000, JANUARY);
    // April's capture lost the row (cut out of the overview table); July shows the new count.
    saveCapture(dir, 'april.txt', withRow(SEED_000, `${JOBS_000}\n`, ''), APRIL);
    saveCapture(dir, 'july.txt', withRow(SEED_000, JOBS_000, '| Number of jobs | 41,870 | 116,010 |'), JULY);
    const db = tempDb();
    await ingest(db, [dir], HERE);
    const store = open(db);
    expect(store.db.prepare("SELECT COUNT(*) FROM observations WHERE field = 'numberOfJobs' AND role_key = 'collections-coordinator'").pluck().get()).toBe(2);
    expect(changesOf(store)).toEqual([
      { role_key: 'collections-coordinator', field: 'numberOfJobs', old_value: '40113', new_value: '41870', old_seen: JANUARY, new_seen: JULY, page_count: 1 },
    ]);
  });

  it('finds no change when a value goes missing and comes back the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolepages-changes-'));
    saveCapture(dir, 'january.txt', SEED_000, JANUARY);
    saveCapture(dir, 'april.txt', withRow(SEED_000, `${JOBS_000}\n`, ''), APRIL);
    saveCapture(dir, 'july.txt', `${SEED_000}\n`, JULY);
    const db = tempDb();
    await ingest(db, [dir], HERE);
    const store = open(db);
    expect(store.counts()).toMatchObject({ captures: 3, pages: 1 });
    expect(changesOf(store)).toEqual([]);
  });

  it('counts the same change on two pages once, with page_count 2, the old value last seen and the new first seen over both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolepages-changes-'));
    saveCapture(dir, '000-january.txt', SEED_000, JANUARY);
    saveCapture(dir, '001-january.txt', SEED_001, '2026-01-20T09:00:00.000Z');
    saveCapture(dir, '000-july.txt', withRow(SEED_000, JOBS_000, '| Number of jobs | 41,870 | 116,010 |'), JULY);
    saveCapture(dir, '001-july.txt', withRow(SEED_001, JOBS_001, '| Number of jobs | 30,523 | 41,870 |'), '2026-07-03T09:00:00.000Z');
    const db = tempDb();
    await ingest(db, [dir], HERE);
    const store = open(db);
    expect(store.counts()).toMatchObject({ captures: 4, pages: 2 });
    expect(changesOf(store)).toEqual([
      {
        role_key: 'collections-coordinator',
        field: 'numberOfJobs',
        old_value: '40113',
        new_value: '41870',
        old_seen: '2026-01-20T09:00:00.000Z',
        new_seen: JULY,
        page_count: 2,
      },
    ]);
  });
});

describe('changes and the guesses of flattened captures', () => {
  // Seed 004's page (Collections Representative vs Collections Coordinator): read whole from its
  // HTML in January; in July the site says 47 and the flattened text glued "4747" into the age row.
  const january = () => page([representative(), coordinator()], { format: 'html' });
  const julyGuess = (candidates: number[]) =>
    page([representative(), coordinator({ averageAge: candidates[0]! })], {
      layout: 'flat',
      warnings: [{ role: 'collections-coordinator', field: 'averageAge', message: 'glued "4747" split by guess', candidates }],
    });
  /** Another page, Collections Coordinator vs Account Specialist, read whole in July. */
  const otherPage = () => page([coordinator({ averageAge: 47 }), accountSpecialist()]);

  function store(captures: Array<{ record: ReturnType<typeof page>; capturedAt: string }>): RoleStore {
    const s = open(tempDb());
    s.storeCaptures(captures.map(({ record, capturedAt }) => ({ record, path: record.source.path, capturedAt })));
    s.reconcilePending();
    return s;
  }

  it('does not take an unsettled guess for a change', () => {
    const s = store([
      { record: january(), capturedAt: JANUARY },
      { record: julyGuess([47, 474]), capturedAt: JULY },
    ]);
    expect(s.db.prepare('SELECT resolved FROM page_warnings').pluck().all()).toEqual([0]);
    expect(changesOf(s)).toEqual([]);
  });

  it('counts a settled guess as the value it was settled on, not the one the capture chose', () => {
    // July's text chose 474; the other page reads 47, which settles the guess.
    for (const order of ['page first', 'page last']) {
      const captures = [
        { record: january(), capturedAt: JANUARY },
        { record: julyGuess([474, 47]), capturedAt: JULY },
      ];
      const other = { record: otherPage(), capturedAt: JULY };
      const s = store(order === 'page first' ? [other, ...captures] : [...captures, other]);
      expect(s.db.prepare('SELECT resolved FROM page_warnings').pluck().all()).toEqual([1]);
      expect(changesOf(s)).toEqual([
        { role_key: 'collections-coordinator', field: 'averageAge', old_value: '46', new_value: '47', old_seen: JANUARY, new_seen: JULY, page_count: 1 },
      ]);
    }
  });

  it('settles a guess in an older flattened capture by a value another page shows for certain, and counts the change', () => {
    // January's flattened text glued "4646" into the age row and chose 464; the other page, read
    // whole that day, says 46. In July the page, read whole, says 47.
    const januaryGuess = page([representative(), coordinator({ averageAge: 464 })], {
      layout: 'flat',
      warnings: [{ role: 'collections-coordinator', field: 'averageAge', message: 'glued "4646" split by guess', candidates: [464, 46] }],
    });
    const july = page([representative(), coordinator({ averageAge: 47 })], { format: 'html' });
    const otherPageInJanuary = { record: page([coordinator({ averageAge: 46 }), accountSpecialist()]), capturedAt: JANUARY };
    for (const order of ['other page first', 'other page last']) {
      const captures = [
        { record: januaryGuess, capturedAt: JANUARY },
        { record: july, capturedAt: JULY },
      ];
      const s = store(order === 'other page first' ? [otherPageInJanuary, ...captures] : [...captures, otherPageInJanuary]);
      // Reconciliation speaks by each page's newest capture: January's guess is not one it settles.
      expect(s.db.prepare('SELECT resolved FROM page_warnings').pluck().all()).toEqual([0]);
      expect(changesOf(s)).toEqual([
        { role_key: 'collections-coordinator', field: 'averageAge', old_value: '46', new_value: '47', old_seen: JANUARY, new_seen: JULY, page_count: 1 },
      ]);
    }
  });
});

describe('changes in a database from before the table', () => {
  it('are written by the next reconciliation after the database is brought up to date', () => {
    const file = tempDb();
    const first = RoleStore.open(file);
    first.storeCaptures([
      { record: page([coordinator(), accountSpecialist()]), path: 'january.txt', capturedAt: JANUARY },
      { record: page([coordinator({ numberOfJobs: 41870 }), accountSpecialist()]), path: 'july.txt', capturedAt: JULY },
    ]);
    first.reconcilePending();
    first.close();
    // What an older rolepages left: the same captures and roles, no changes table.
    const raw = new Database(file);
    raw.exec('DROP TABLE changes');
    raw.pragma('user_version = 5');
    raw.close();

    const store = open(file);
    expect(store.db.prepare('SELECT role_key FROM pending_roles ORDER BY role_key').pluck().all()).toEqual(['account-specialist', 'collections-coordinator']);
    expect(changesOf(store)).toEqual([]);
    store.reconcilePending();
    expect(changesOf(store)).toEqual([
      { role_key: 'collections-coordinator', field: 'numberOfJobs', old_value: '40113', new_value: '41870', old_seen: JANUARY, new_seen: JULY, page_count: 1 },
    ]);
  });
});
