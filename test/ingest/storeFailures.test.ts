import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rolePool } from '../../src/bench/rolePool.js';
import { writeCorpus } from '../../src/bench/writeCorpus.js';
import { ingest } from '../../src/ingest/ingest.js';
import { RoleStore } from '../../src/store/roleStore.js';

const FULL = 'the database or its disk is full (SQLITE_FULL); the pages stored so far are intact';
const BUSY = 'the database stayed locked by another writer (SQLITE_BUSY)';

/** 300 tabular pages of 150 roles, three batches of 100. */
function corpus(): { dir: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rolepages-faults-'));
  writeCorpus(join(dir, 'pages'), rolePool(150, 11), { pages: 300, shapes: ['tabular'], seed: 5 });
  return { dir: join(dir, 'pages'), db: join(dir, 'roles.db') };
}

/** SQLite's own checks pass, and the database holds this many captures. */
function expectWhole(db: string, captures: number): void {
  const check = new Database(db, { readonly: true });
  expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(check.prepare('SELECT COUNT(*) FROM pages').pluck().get()).toBe(captures);
  check.close();
}

describe('a database that fails while an ingest writes it', () => {
  it('fills up while captures are stored: the batch is rolled back, every file not stored is named once, and a re-run finishes', async () => {
    const { dir, db } = corpus();
    const store = RoleStore.open(db);
    // The disk "fills" once the first batch is stored: the limit is what that batch took.
    let limited = false;
    const summary = await ingest(store, [dir], {
      concurrency: 0,
      batchSize: 100,
      onFile: (_outcome, done) => {
        if (done === 100 && !limited) {
          limited = true;
          const used = store.db.pragma('page_count', { simple: true }) as number;
          store.db.pragma(`max_page_count = ${used + 2}`);
        }
      },
    });
    store.close();
    // The corpus draws a few pages twice: a copy of stored content is skipped.
    expect(summary.stored + summary.skipped).toBe(100);
    expect(summary.failed).toHaveLength(200);
    expect(new Set(summary.failed.map((f) => f.path)).size).toBe(200);
    expect(summary.failed[0]!.reason).toBe(FULL);
    expect(summary.failed[199]!.reason).toBe(`not stored: the run stopped: ${FULL}`);
    expect(summary.stopped).toBe(FULL);
    expectWhole(db, summary.stored);

    const again = await ingest(db, [dir], { concurrency: 0 });
    expect([again.stored + again.skipped, again.failed.length, again.stopped]).toEqual([300, 0, null]);
    expectWhole(db, summary.stored + again.stored);
  });

  it('fills up while roles are reconciled: the captures stay, the roles stay pending, and a re-run reconciles them', async () => {
    const { dir, db } = corpus();
    const store = RoleStore.open(db);
    const summary = await ingest(store, [dir], {
      concurrency: 0,
      onReconcile: (done) => {
        if (done === 0) store.db.pragma(`max_page_count = ${store.db.pragma('page_count', { simple: true }) as number}`);
      },
    });
    const pending = store.pendingCount();
    store.close();
    expect([summary.stored + summary.skipped, summary.failed.length]).toEqual([300, 0]);
    expect(summary.stopped).toBe(`the roles could not all be reconciled: ${FULL}`);
    expect(pending).toBeGreaterThan(0);

    const again = await ingest(db, [dir], { concurrency: 0 });
    expect([again.skipped, again.stopped]).toEqual([300, null]);
    const reopened = RoleStore.open(db);
    expect(reopened.pendingCount()).toBe(0);
    expect(reopened.counts().roles).toBeGreaterThan(100);
    reopened.close();
  });

  it('is held by another writer: the run waits once, stops, and names every file not stored', async () => {
    const { dir, db } = corpus();
    const store = RoleStore.open(db);
    store.db.pragma('busy_timeout = 300');
    const holder = new Database(db);
    holder.prepare('BEGIN IMMEDIATE').run();
    const summary = await ingest(store, [dir], { concurrency: 0, batchSize: 100 });
    holder.prepare('ROLLBACK').run();
    holder.close();
    store.close();
    expect(summary.stopped).toBe(BUSY);
    expect(summary.failed).toHaveLength(300);
    expect(summary.failed[0]!.reason).toBe(BUSY);
    expect(summary.failed[299]!.reason).toBe(`not stored: the run stopped: ${BUSY}`);
    // One wait for the lock, not one a batch: the first batch meets it, the two others are not tried.
    expect(summary.failed.filter((f) => f.reason === BUSY)).toHaveLength(100);
    expect(summary.failed.filter((f) => f.reason === `not stored: the run stopped: ${BUSY}`)).toHaveLength(200);
  });
});
