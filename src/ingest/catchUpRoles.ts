import PQueue from 'p-queue';
import type { RoleOutcome } from '../reconcile/reconcileRoles.js';
import type { RoleStore } from '../store/roleStore.js';
import { type ExtractPool, isWorkerLost } from './extractPool.js';

/**
 * What a catch-up task holds at most. A task reads back every page side of its roles (of their
 * joint partners, only the fields their guesses need) and holds them until its outcomes are sent,
 * with two tasks a worker in flight: its memory is the pages it reads, not its roles. A fixed 16
 * roles a task held ten pages a role on 10,000 pages of 2,000 roles, and thirty on 30,000, where
 * the catch-up then set the run's peak: 265-267 MiB against 250-252 while storing (64 roles: 288).
 * Sized by page sides, 248. Roles on a page or two fill a task up to `roles`, so that a task still
 * outweighs its messages.
 */
export const CATCH_UP_TASK_LIMITS = { pageSides: 128, roles: 64 } as const;

/**
 * Splits roles, in order, into tasks of at most `limits.pageSides` page sides and `limits.roles`
 * roles. A role on more page sides than that is a task on its own: its evidence is read whole
 * however it is split.
 */
export function catchUpTasks(
  roles: ReadonlyArray<{ key: string; pageSides: number }>,
  limits: { pageSides: number; roles: number } = CATCH_UP_TASK_LIMITS,
): string[][] {
  const tasks: string[][] = [];
  let task: string[] = [];
  let sides = 0;
  for (const { key, pageSides } of roles) {
    if (task.length > 0 && (task.length >= limits.roles || sides + pageSides > limits.pageSides)) {
      tasks.push(task);
      task = [];
      sides = 0;
    }
    task.push(key);
    sides += pageSides;
  }
  if (task.length > 0) tasks.push(task);
  return tasks;
}

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
  const roles = store.pendingRolesWithPartners();
  onProgress?.(0, roles.length);
  const version = store.readVersion();
  // Two tasks a worker in flight: one computing, one waiting, so none waits for this thread.
  const queue = new PQueue({ concurrency: pool.threads * 2 });
  let done = 0;
  const tasks: Array<Promise<void>> = [];
  for (const chunk of catchUpTasks(roles)) {
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
        onProgress?.(done, roles.length);
      }),
    );
  }
  await Promise.all(tasks);
}
