import { afterEach, describe, expect, it } from 'vitest';
import { RoleStore } from '../../src/store/roleStore.js';
import { dump, RECONCILED_TABLES, seedRecord, tempDb } from './storeFixtures.js';

/**
 * A batch ingest stores pages without reconciling the roles already stored: they wait in
 * `pending_roles`, written in the page's own transaction, until `reconcilePending`.
 */

const stores: RoleStore[] = [];
const open = (): RoleStore => {
  const store = RoleStore.open(tempDb());
  stores.push(store);
  return store;
};
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

const seeds = (...numbers: string[]) => numbers.map((n) => ({ path: `/seeds/${n}.txt`, record: seedRecord(n) }));
const pageCount = (store: RoleStore, key: string) =>
  (store.db.prepare('SELECT page_count FROM roles WHERE key = ?').get(key) as { page_count: number }).page_count;
const pending = (store: RoleStore) => (store.db.prepare('SELECT role_key FROM pending_roles ORDER BY role_key').all() as Array<{ role_key: string }>).map((r) => r.role_key);

describe('deferred reconciliation of stored roles', () => {
  it('reconciles a role new to the database at once: its page must name an existing role', () => {
    const store = open();
    store.storeBatch(seeds('000'), { deferStoredRoles: true });
    expect(pageCount(store, 'collections-coordinator')).toBe(1);
    expect(pageCount(store, 'account-specialist')).toBe(1);
    expect(pending(store)).toEqual([]);
  });

  it('marks a role already stored as pending, leaves its row as it was, and catches it up on reconcilePending', () => {
    const store = open();
    store.storeBatch(seeds('000'), { deferStoredRoles: true });
    // 001 compares Collections/Accounts Receivable (new) with Collections Coordinator (stored by 000).
    store.storeBatch(seeds('001'), { deferStoredRoles: true });
    expect(pending(store)).toEqual(['collections-coordinator']);
    expect(pageCount(store, 'collections-coordinator')).toBe(1);
    expect(pageCount(store, 'collections-accounts-receivable')).toBe(1);

    expect(store.reconcilePending()).toBe(1);
    expect(pending(store)).toEqual([]);
    expect(pageCount(store, 'collections-coordinator')).toBe(2);
  });

  it('ends with the same tables as reconciling every batch, in small chunks', () => {
    const eager = open();
    const deferred = open();
    // Account Specialist is on all three later batches, Collections Coordinator on two.
    for (const batch of [seeds('000'), seeds('001', '002'), seeds('003')]) {
      eager.storeBatch(batch);
      deferred.storeBatch(batch, { deferStoredRoles: true });
    }
    const waiting = deferred.pendingCount();
    expect(waiting).toBeGreaterThan(1);
    expect(deferred.reconcilePending(1)).toBe(waiting);
    expect(deferred.pendingCount()).toBe(0);
    for (const [table, order] of RECONCILED_TABLES) expect(dump(deferred.db, table, order)).toEqual(dump(eager.db, table, order));
  });

  it('keeps the pending list across a crash: a new store on the file catches the roles up', () => {
    const file = tempDb();
    const first = RoleStore.open(file);
    first.storeBatch(seeds('000'), { deferStoredRoles: true });
    first.storeBatch(seeds('001'), { deferStoredRoles: true });
    // Closed without catching up, as a run killed between batches leaves it.
    first.close();
    const next = RoleStore.open(file);
    stores.push(next);
    expect(next.pendingCount()).toBe(1);
    expect(next.reconcilePending()).toBe(1);
    expect(pageCount(next, 'collections-coordinator')).toBe(2);
  });
});
