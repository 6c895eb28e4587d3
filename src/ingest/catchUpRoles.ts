import PQueue from 'p-queue';
import type { RoleOutcome } from '../reconcile/reconcileRoles.js';
import type { RoleStore } from '../store/roleStore.js';
import { type ExtractPool, isWorkerLost } from './extractPool.js';

/**
 * Roles a worker reconciles per task: enough that a task outweighs its messages, few enough that
 * the writer gets results to store while the workers go on, and that what a task holds (every
 * page of its roles, read back) stays small. On 10,000 pages, where a role is on ten of them,
 * 64 roles a task made the run's peak 14-20 MiB higher than 16 did, for no speed.
 */
const ROLES_PER_TASK = 16;

/**
 * Reconciles the roles an ingest left pending (`pending_roles`) once its pages are stored. Reading
 * a role's evidence back and reconciling it is most of the work, and each role's is its own, so
 * the pool's workers do it on read-only connections while this thread writes what they return:
 * every core is busy, where the writer alone would leave the others idle. Without workers (or on
 * an in-memory database) this thread does it all.
 */
export async function catchUpRoles(store: RoleStore, pool: ExtractPool, onProgress?: (done: number, total: number) => void): Promise<void> {
  if (store.pendingCount() === 0) return;
  const file = store.file;
  const reconcile = pool.reconcile;
  if (reconcile === null || file === null) {
    const total = store.pendingCount();
    onProgress?.(0, total);
    store.reconcilePending();
    onProgress?.(total, total);
    return;
  }
  // Partners are added here, once: a worker adding them to its own chunk would reconcile a role
  // once per chunk naming it (on flattened captures, where most pages have joint splits, ten times).
  const keys = store.pendingKeysWithPartners();
  onProgress?.(0, keys.length);
  const version = store.readVersion();
  // Two tasks a worker in flight: one computing, one waiting, so none waits for this thread.
  const queue = new PQueue({ concurrency: pool.threads * 2 });
  let done = 0;
  const tasks: Array<Promise<void>> = [];
  for (let start = 0; start < keys.length; start += ROLES_PER_TASK) {
    const chunk = keys.slice(start, start + ROLES_PER_TASK);
    tasks.push(
      queue.add(async () => {
        let outcomes: RoleOutcome[] | null = null;
        try {
          outcomes = await reconcile({ file, keys: chunk });
        } catch (error) {
          // A worker that dies (out of memory on a role on a great many pages, say) fails the
          // chunk it held: this thread, with the larger heap, reconciles it instead. Left
          // pending, the roles would fail every later run the same way.
          if (!isWorkerLost(error)) throw error;
        }
        if (outcomes) store.storeReconciled(chunk, outcomes, version);
        else store.reconcileNow(chunk);
        done += chunk.length;
        onProgress?.(done, keys.length);
      }),
    );
  }
  await Promise.all(tasks);
}
