import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rolePool } from '../../src/bench/rolePool.js';
import { writeCorpus } from '../../src/bench/writeCorpus.js';
import { ingest } from '../../src/ingest/ingest.js';
import { RoleStore } from '../../src/store/roleStore.js';
import { expectSound } from '../faults/support.js';

// The CLI turns SIGINT and SIGTERM into this signal; test/cli/interrupt.test.ts sends them.
describe('ingest stopped by its signal', () => {
  it('stores the batch in flight whole, stops there, and the same run again finishes the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolepages-interrupt-'));
    const pages = join(dir, 'pages');
    const db = join(dir, 'roles.db');
    writeCorpus(pages, rolePool(40, 3), { pages: 60, shapes: ['tabular', 'flat'], seed: 8 });

    const interrupt = new AbortController();
    const first = await ingest(db, [pages], { batchSize: 10, signal: interrupt.signal, onFile: () => interrupt.abort() });
    expect(first.stopped).toBe('interrupted');
    // The first batch, whole: every file of it stored, or skipped as a copy of one stored.
    expect([first.stored + first.skipped, first.failed]).toEqual([10, []]);
    const store = RoleStore.open(db);
    expect(store.counts().captures).toBe(first.stored);
    // Its roles wait for the next run to be reconciled.
    expect(store.db.prepare('SELECT COUNT(*) FROM pending_roles').pluck().get()).toBeGreaterThan(0);
    expectSound(store.db);
    store.close();

    const again = await ingest(db, [pages], { batchSize: 10 });
    expect(again.stopped).toBeNull();
    expect(again.stored + again.skipped).toBe(60);
    expect(again.skipped).toBeGreaterThanOrEqual(first.stored);
    const done = RoleStore.open(db);
    expect(done.db.prepare('SELECT COUNT(*) FROM pending_roles').pluck().get()).toBe(0);
    done.close();
  });
});
