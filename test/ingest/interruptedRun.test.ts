import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rolePool } from '../../src/bench/rolePool.js';
import { writeCorpus } from '../../src/bench/writeCorpus.js';
import { collectFiles } from '../../src/ingest/collectFiles.js';
import { ingest, type IngestOptions } from '../../src/ingest/ingest.js';
import { RunReport } from '../../src/ingest/runReport.js';
import { RoleStore } from '../../src/store/roleStore.js';
import { tempDb } from '../store/storeFixtures.js';

/**
 * An ingest stopped by its AbortSignal (what a SIGTERM or Ctrl-C aborts), in-process: what it
 * stored, what it left pending, and what its report says.
 */

/** Run from the TypeScript sources: the files are read on this thread. */
const HERE: IngestOptions = { concurrency: 0 };
const PAGES = 160;

let corpus: string;
let files: string[];
beforeAll(async () => {
  corpus = mkdtempSync(join(tmpdir(), 'rolepages-interrupted-'));
  // Few pages a role: hundreds of roles to reconcile, more than one transaction of them.
  writeCorpus(corpus, rolePool(400, 3), { pages: PAGES, shapes: ['tabular'], seed: 8 });
  files = (await collectFiles([corpus])).files;
});

describe('an ingest interrupted while it reconciles', () => {
  it('stops after the roles in hand, every capture stored, the rest of the roles left pending; the next run finishes', async () => {
    const db = tempDb();
    const stop = new AbortController();
    const summary = await ingest(db, [corpus], {
      ...HERE,
      signal: stop.signal,
      onReconcile: (done) => {
        if (done >= 200) stop.abort();
      },
    });
    expect(summary.stopped).toBe('interrupted');
    expect(summary.stored).toBe(PAGES);
    expect(summary.notReached).toEqual([]);
    expect(summary.roles).toBe(200);
    expect(summary.pendingRoles).toBeGreaterThan(0);

    const again = await ingest(db, [corpus], HERE);
    expect(again).toMatchObject({ stopped: null, stored: 0, skipped: PAGES, pendingRoles: 0 });
    expect(again.roles).toBeGreaterThan(200);
    const store = RoleStore.open(db);
    expect(store.pendingCount()).toBe(0);
    store.close();
  });
});

describe('an ingest interrupted while it stores', () => {
  it('names the files it did not reach, and its report says it stopped, with the totals', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolepages-interrupted-report-'));
    const stop = new AbortController();
    const report = new RunReport(join(dir, 'report.json'));
    const summary = await ingest(join(dir, 'roles.db'), [corpus], {
      ...HERE,
      batchSize: 20,
      signal: stop.signal,
      onFile: (outcome, done) => {
        report.add(outcome);
        if (done === 20) stop.abort();
      },
    });
    expect(summary.stopped).toBe('interrupted');
    expect(summary.stored).toBe(20);
    expect(summary.notReached).toEqual(files.slice(20));
    // Nothing was reconciled: the roles of the 20 captures wait for the next run.
    expect(summary.roles).toBe(0);
    expect(summary.pendingRoles).toBeGreaterThan(0);

    report.finish(summary, []);
    const written = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
      files: Array<{ path: string; status: string }>;
      notReached: string[];
      summary: Record<string, unknown>;
    };
    expect(written.files.map((f) => f.path)).toEqual(files.slice(0, 20));
    expect(written.notReached).toEqual(files.slice(20));
    expect(written.summary).toEqual({
      finished: false,
      stopped: 'interrupted',
      files: PAGES,
      stored: 20,
      skipped: 0,
      failed: 0,
      notReached: PAGES - 20,
      passedOver: 0,
      pendingRoles: summary.pendingRoles,
      captures: 20,
      pages: 20,
      roles: 0,
      conflicts: 0,
    });
  });

  it('reports a run that finished as finished, with nothing not reached', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolepages-finished-report-'));
    const report = new RunReport(join(dir, 'report.json'));
    const summary = await ingest(join(dir, 'roles.db'), files.slice(0, 3), { ...HERE, onFile: (outcome) => report.add(outcome) });
    report.finish(summary, []);
    const written = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { notReached: string[]; summary: Record<string, unknown> };
    expect(written.notReached).toEqual([]);
    expect(written.summary).toMatchObject({ finished: true, stopped: null, files: 3, stored: 3, notReached: 0, pendingRoles: 0 });
  });
});
