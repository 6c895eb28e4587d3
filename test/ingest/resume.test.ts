import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { rolePool } from '../../src/bench/rolePool.js';
import { writeCorpus } from '../../src/bench/writeCorpus.js';
import { ingest } from '../../src/ingest/ingest.js';

/**
 * The built CLI (worker pool and all) killed with SIGKILL part-way through an ingest, then the
 * ingest run again: the database must be whole, hold every page once, and equal an uninterrupted run's.
 */
const CLI = resolve('dist/cli/main.js');
const PAGES = 200;

let corpus: string;
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (npm test does)`);
  corpus = mkdtempSync(join(tmpdir(), 'rolepages-resume-'));
  // Text captures only, so the run is short; a role pool small enough that roles recur.
  writeCorpus(corpus, rolePool(120, 11), { pages: PAGES, shapes: ['tabular', 'flat'], seed: 5 });
});

const ingestArgs = (db: string) => [CLI, 'ingest', corpus, '--db', db, '--quiet', '--batch-size', '10', '--concurrency', '2'];

function count(db: string, sql: string): number {
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return (conn.prepare(sql).pluck().get() as number) ?? 0;
  } finally {
    conn.close();
  }
}

/** Starts an ingest and kills it with SIGKILL once it has committed `atLeast` pages. */
async function killPartWay(db: string, atLeast: number): Promise<void> {
  const child = spawn(process.execPath, ingestArgs(db), { stdio: 'ignore' });
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  for (;;) {
    await new Promise((r) => setTimeout(r, 20));
    let stored = 0;
    try {
      if (existsSync(db)) stored = count(db, 'SELECT COUNT(*) FROM pages');
    } catch {
      // The schema is not there yet: not started.
    }
    if (stored >= atLeast || child.exitCode !== null) break;
  }
  child.kill('SIGKILL');
  await exited;
}

function rows(db: string, sql: string): unknown[] {
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return conn.prepare(sql).all();
  } finally {
    conn.close();
  }
}

describe('an ingest killed with SIGKILL part-way', () => {
  it('is completed by the next run: every page stored once, the database whole, as if never interrupted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolepages-resume-db-'));
    const killed = join(dir, 'killed.db');
    await killPartWay(killed, 40);
    const partial = count(killed, 'SELECT COUNT(*) FROM pages');
    // Killed after some pages and before the last, or the test proves nothing.
    expect(partial).toBeGreaterThanOrEqual(40);
    expect(partial).toBeLessThan(PAGES);
    // Pages are committed a batch at a time: never half a page.
    expect(rows(killed, 'SELECT id FROM pages WHERE id NOT IN (SELECT page_id FROM observations)')).toEqual([]);

    // The next run and the uninterrupted one are the library's ingest, in-process: what is
    // checked is what the killed process left.
    const rerun = await ingest(killed, [corpus], { batchSize: 10 });
    expect([rerun.failed, rerun.stopped]).toEqual([[], null]);
    const clean = join(dir, 'clean.db');
    expect((await ingest(clean, [corpus], { batchSize: 10 })).failed).toEqual([]);
    // A few generated files repeat another's content: one capture each at each modification time.
    const distinct = count(clean, 'SELECT COUNT(*) FROM pages');
    expect(rerun.stored).toBe(distinct - partial);
    expect(rerun.stored + rerun.skipped).toBe(PAGES);

    expect(count(killed, 'SELECT COUNT(*) FROM pages')).toBe(distinct);
    expect(rows(killed, 'SELECT sha256 FROM pages GROUP BY sha256, captured_at HAVING COUNT(*) > 1')).toEqual([]);
    expect(rows(killed, 'SELECT path FROM pages GROUP BY path HAVING COUNT(*) > 1')).toEqual([]);
    expect(rows(killed, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(rows(killed, 'PRAGMA foreign_key_check')).toEqual([]);

    for (const sql of [
      'SELECT * FROM roles ORDER BY key',
      'SELECT role_key, field, value, page_count, chosen FROM conflicts ORDER BY role_key, field, value',
      'SELECT * FROM role_skills ORDER BY role_key, name',
      'SELECT sha256, role_a, role_b FROM pages ORDER BY sha256',
    ]) {
      expect(rows(killed, sql), sql).toEqual(rows(clean, sql));
    }
  });
});
