import { afterEach, describe, expect, it } from 'vitest';
import { RoleStore } from '../../src/store/roleStore.js';
import { CAPTURED_AT, dump, RECONCILED_TABLES, seedRecord, storeAll, tempDb } from './storeFixtures.js';

/**
 * Storing a capture reconciles nothing: it lists the roles the capture shows in `pending_roles`,
 * in the capture's own transaction, and `reconcilePending` makes each of them again once.
 */

const stores: RoleStore[] = [];
const open = (file = tempDb()): RoleStore => {
  const store = RoleStore.open(file);
  stores.push(store);
  return store;
};
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

const seeds = (...numbers: string[]) => numbers.map((n) => ({ path: `/seeds/${n}.txt`, record: seedRecord(n), capturedAt: CAPTURED_AT }));
const pageCount = (store: RoleStore, key: string) =>
  (store.db.prepare('SELECT page_count FROM roles WHERE key = ?').get(key) as { page_count: number } | undefined)?.page_count;
const pending = (store: RoleStore) => store.db.prepare('SELECT role_key FROM pending_roles ORDER BY role_key').pluck().all();

describe('roles pending reconciliation', () => {
  it('lists both roles of a stored capture as pending and writes no role until reconcilePending', () => {
    const store = open();
    store.storeCaptures(seeds('000'));
    expect(pending(store)).toEqual(['account-specialist', 'collections-coordinator']);
    expect(store.counts()).toEqual({ captures: 1, pages: 1, roles: 0, conflicts: 0 });

    expect(store.reconcilePending()).toBe(2);
    expect(pending(store)).toEqual([]);
    expect(pageCount(store, 'collections-coordinator')).toBe(1);
    expect(pageCount(store, 'account-specialist')).toBe(1);
  });

  it('marks a role already stored as pending, leaves its row as it was, and catches it up on reconcilePending', () => {
    const store = open();
    storeAll(store, seeds('000'));
    // 001 compares Collections/Accounts Receivable (new) with Collections Coordinator (stored by 000).
    store.storeCaptures(seeds('001'));
    expect(pending(store)).toEqual(['collections-accounts-receivable', 'collections-coordinator']);
    expect(pageCount(store, 'collections-coordinator')).toBe(1);
    expect(pageCount(store, 'collections-accounts-receivable')).toBeUndefined();

    expect(store.reconcilePending()).toBe(2);
    expect(pending(store)).toEqual([]);
    expect(pageCount(store, 'collections-coordinator')).toBe(2);
    expect(pageCount(store, 'collections-accounts-receivable')).toBe(1);
  });

  it('lists nothing for a capture whose content is stored already', () => {
    const store = open();
    storeAll(store, seeds('000'));
    expect(store.storeCaptures(seeds('000')).map((o) => o.status)).toEqual(['skipped']);
    expect(store.pendingCount()).toBe(0);
  });

  it('ends with the same tables as reconciling after every batch, reconciled once at the end', () => {
    const eager = open();
    const deferred = open();
    // Account Specialist is on three of the four pages, Collections Coordinator on two: five roles.
    for (const batch of [seeds('000'), seeds('001', '002'), seeds('003')]) {
      storeAll(eager, batch);
      deferred.storeCaptures(batch);
    }
    const waiting = deferred.pendingCount();
    expect(waiting).toBe(5);
    const progress: Array<[number, number]> = [];
    expect(deferred.reconcilePending((done, total) => progress.push([done, total]))).toBe(waiting);
    expect(progress).toEqual([
      [0, 5],
      [5, 5],
    ]);
    expect(deferred.pendingCount()).toBe(0);
    for (const [table, order] of RECONCILED_TABLES) expect(dump(deferred.db, table, order)).toEqual(dump(eager.db, table, order));
  });

  it('keeps the pending list across a crash: a new store on the file catches the roles up', () => {
    const file = tempDb();
    const first = RoleStore.open(file);
    storeAll(first, seeds('000'));
    first.storeCaptures(seeds('001'));
    // Closed without reconciling, as a run killed between its two phases leaves it.
    first.close();
    const next = open(file);
    expect(next.pendingCount()).toBe(2);
    expect(next.reconcilePending()).toBe(2);
    expect(pageCount(next, 'collections-coordinator')).toBe(2);
  });
});

describe('reconcilePendingUntil: reconciling that hears a signal', () => {
  /** 250 comparisons of seed 000's two roles renamed apart: 500 pending roles. */
  function manyPending(store: RoleStore): void {
    const record = seedRecord('000');
    store.storeCaptures(
      Array.from({ length: 250 }, (_, i) => {
        const roles = record.roles.map((r) => ({ ...r, key: `${r.key}-${i}`, title: `${r.title} ${i}` })) as typeof record.roles;
        const sha256 = i.toString(16).padStart(64, '0');
        return { path: `/pages/${i}.txt`, record: { ...record, source: { ...record.source, sha256 }, roles }, capturedAt: CAPTURED_AT };
      }),
    );
  }

  it('stops between transactions once aborted, and leaves the roles not reached pending for the next run', async () => {
    const store = open();
    manyPending(store);
    expect(store.pendingCount()).toBe(500);
    const stop = new AbortController();
    const progress: Array<[number, number]> = [];
    const result = await store.reconcilePendingUntil(stop.signal, (done, total) => {
      progress.push([done, total]);
      // As a SIGTERM that arrives while the first 200 roles are made.
      if (done >= 200) stop.abort();
    });
    expect(result).toEqual({ reconciled: 200, left: 300 });
    expect(progress).toEqual([
      [0, 500],
      [200, 500],
    ]);
    expect(store.counts().roles).toBe(200);
    // Key order: the first 200 keys are made, the rest wait.
    const keys = Array.from({ length: 250 }, (_, i) => [`collections-coordinator-${i}`, `account-specialist-${i}`]).flat().sort();
    expect(store.db.prepare('SELECT key FROM roles ORDER BY key').pluck().all()).toEqual(keys.slice(0, 200));
    expect(pending(store)).toEqual(keys.slice(200));

    expect(await store.reconcilePendingUntil(undefined)).toEqual({ reconciled: 300, left: 0 });
    expect(store.counts().roles).toBe(500);
  });

  it('gives the event loop a turn between transactions, so that a signal handler runs and stops it', async () => {
    const store = open();
    manyPending(store);
    const stop = new AbortController();
    // Queued as a signal handler is: it runs only when reconciling lets the event loop turn.
    setImmediate(() => stop.abort());
    const result = await store.reconcilePendingUntil(stop.signal);
    expect(result.left).toBeGreaterThan(0);
    expect(result.reconciled + result.left).toBe(500);
  });

  it('makes the same roles as reconcilePending when it runs to the end', async () => {
    const eager = open();
    const chunked = open();
    manyPending(eager);
    manyPending(chunked);
    eager.reconcilePending();
    expect(await chunked.reconcilePendingUntil(new AbortController().signal)).toEqual({ reconciled: 500, left: 0 });
    for (const [table, order] of RECONCILED_TABLES) expect(dump(chunked.db, table, order)).toEqual(dump(eager.db, table, order));
  });
});
