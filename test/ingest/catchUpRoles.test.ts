import { afterEach, describe, expect, it } from 'vitest';
import { catchUpRoles } from '../../src/ingest/catchUpRoles.js';
import type { ExtractPool } from '../../src/ingest/extractPool.js';
import { reconcileInWorker } from '../../src/ingest/reconcileInWorker.js';
import { RoleStore } from '../../src/store/roleStore.js';
import { dump, RECONCILED_TABLES, seedRecord, tempDb } from '../store/storeFixtures.js';

/**
 * At the end of an ingest the roles its batches left pending are reconciled by the pool's
 * workers, each on a read-only connection, and written by the one writer.
 */
const TABLES = [...RECONCILED_TABLES, ['page_warnings', 'page_id, role_key, field']] as const;

const stores: RoleStore[] = [];
const open = (file = tempDb()): RoleStore => {
  const store = RoleStore.open(file);
  stores.push(store);
  return store;
};
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

/** A pool whose "workers" run the worker's reconcile function here, counting the tasks. */
function poolRunningHere(): ExtractPool & { tasks: string[][] } {
  const tasks: string[][] = [];
  return {
    threads: 2,
    backlog: 2,
    tasks,
    run: () => Promise.reject(new Error('no extraction in this test')),
    reconcile: async (task) => {
      tasks.push(task.keys);
      return reconcileInWorker(task);
    },
    close: async () => undefined,
  };
}

/** Seeds 000 to 003 stored one batch each, deferring the roles already stored. */
function storeDeferred(store: RoleStore): void {
  for (const n of ['000', '001', '002', '003']) store.storeBatch([{ path: `/seeds/${n}.txt`, record: seedRecord(n) }], { deferStoredRoles: true });
}

describe('catchUpRoles', () => {
  it('has the workers reconcile the pending roles and ends with the tables of reconciling every batch', async () => {
    const eager = open();
    for (const n of ['000', '001', '002', '003']) eager.storeBatch([{ path: `/seeds/${n}.txt`, record: seedRecord(n) }]);
    const store = open();
    storeDeferred(store);
    // Account Specialist (on 000, 002 and 003) and Collections Coordinator (on 000 and 001).
    expect(store.pendingKeys()).toEqual(['account-specialist', 'collections-coordinator']);

    const pool = poolRunningHere();
    const progress: Array<[number, number]> = [];
    await catchUpRoles(store, pool, (done, total) => progress.push([done, total]));
    expect(pool.tasks).toEqual([['account-specialist', 'collections-coordinator']]);
    expect(progress).toEqual([
      [0, 2],
      [2, 2],
    ]);
    expect(store.pendingCount()).toBe(0);
    for (const [table, order] of TABLES) expect(dump(store.db, table, order)).toEqual(dump(eager.db, table, order));
  });

  it('reconciles on the writer instead when another connection stored pages after the workers read', async () => {
    const file = tempDb();
    const store = open(file);
    storeDeferred(store);
    const here = poolRunningHere();
    const pool: ExtractPool = {
      ...here,
      reconcile: async (task) => {
        const outcomes = await here.reconcile!(task);
        // Another ingest on the same database stores a page once the evidence has been read.
        open(file).storeBatch([{ path: '/other/004.txt', record: seedRecord('004') }]);
        return outcomes;
      },
    };
    await catchUpRoles(store, pool);
    expect(store.pendingCount()).toBe(0);
    // Collections Coordinator is on 004 too: its row counts the other ingest's page.
    const row = store.db.prepare("SELECT page_count FROM roles WHERE key = 'collections-coordinator'").get();
    expect(row).toEqual({ page_count: 3 });
  });

  it('reconciles on the writer the roles whose worker died, and ends as if the worker had', async () => {
    const eager = open();
    for (const n of ['000', '001', '002', '003']) eager.storeBatch([{ path: `/seeds/${n}.txt`, record: seedRecord(n) }]);
    const store = open();
    storeDeferred(store);
    // As piscina fails the tasks of a worker that ran out of memory.
    const dying: ExtractPool = {
      ...poolRunningHere(),
      reconcile: () => Promise.reject(Object.assign(new Error('Worker terminated due to reaching memory limit: JS heap out of memory'), { code: 'ERR_WORKER_OUT_OF_MEMORY' })),
    };
    await catchUpRoles(store, dying);
    expect(store.pendingCount()).toBe(0);
    for (const [table, order] of TABLES) expect(dump(store.db, table, order)).toEqual(dump(eager.db, table, order));
  });

  it('fails on any other error of a worker, leaving the roles pending for the next run', async () => {
    const store = open();
    storeDeferred(store);
    const failing: ExtractPool = { ...poolRunningHere(), reconcile: () => Promise.reject(new Error('disk I/O error')) };
    await expect(catchUpRoles(store, failing)).rejects.toThrow('disk I/O error');
    expect(store.pendingKeys()).toEqual(['account-specialist', 'collections-coordinator']);
  });

  it('does it all on the writer when there are no workers', async () => {
    const store = open();
    storeDeferred(store);
    await catchUpRoles(store, { ...poolRunningHere(), threads: 0, reconcile: null });
    expect(store.pendingCount()).toBe(0);
    expect(store.db.prepare("SELECT page_count FROM roles WHERE key = 'account-specialist'").get()).toEqual({ page_count: 3 });
  });
});
