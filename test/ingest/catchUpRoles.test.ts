import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { CATCH_UP_TASK_LIMITS, catchUpRoles, catchUpTasks } from '../../src/ingest/catchUpRoles.js';
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

/**
 * A catch-up task is sized by what it reads: the page sides of its roles. Its memory is theirs,
 * and the pages a role is on grow with the corpus while its count of roles does not.
 */
describe('catchUpTasks', () => {
  const limits = { pageSides: 10, roles: 3 };

  it('fills a task with roles on few pages up to the role limit', () => {
    const roles = ['account-specialist', 'collections-coordinator', 'collections-representative', 'credit-analyst'].map((key) => ({ key, pageSides: 1 }));
    expect(catchUpTasks(roles, limits)).toEqual([['account-specialist', 'collections-coordinator', 'collections-representative'], ['credit-analyst']]);
  });

  it('closes a task before its roles would show more page sides than the limit', () => {
    const roles = [
      { key: 'account-specialist', pageSides: 6 },
      { key: 'collections-coordinator', pageSides: 4 },
      { key: 'credit-analyst', pageSides: 1 },
    ];
    expect(catchUpTasks(roles, limits)).toEqual([['account-specialist', 'collections-coordinator'], ['credit-analyst']]);
  });

  it('gives a role on more page sides than the limit a task of its own', () => {
    const roles = [
      { key: 'account-specialist', pageSides: 2 },
      { key: 'customer-service-representative', pageSides: 40 },
      { key: 'credit-analyst', pageSides: 2 },
    ];
    expect(catchUpTasks(roles, limits)).toEqual([['account-specialist'], ['customer-service-representative'], ['credit-analyst']]);
  });

  it('has no task for no roles', () => {
    expect(catchUpTasks([])).toEqual([]);
  });

  it('keeps every role once, in order, each task within the limits unless it is one role', () => {
    const roles = fc.array(fc.nat({ max: 200 }), { maxLength: 300 }).map((sides) => sides.map((pageSides, i) => ({ key: `role-${String(i).padStart(3, '0')}`, pageSides })));
    fc.assert(
      fc.property(roles, (list) => {
        const tasks = catchUpTasks(list);
        expect(tasks.flat()).toEqual(list.map((r) => r.key));
        const sides = new Map(list.map((r) => [r.key, r.pageSides]));
        for (const task of tasks) {
          expect(task.length).toBeGreaterThan(0);
          expect(task.length).toBeLessThanOrEqual(CATCH_UP_TASK_LIMITS.roles);
          if (task.length > 1) expect(task.reduce((n, key) => n + sides.get(key)!, 0)).toBeLessThanOrEqual(CATCH_UP_TASK_LIMITS.pageSides);
        }
      }),
    );
  });
});
