import type { RoleOutcome } from '../reconcile/reconcileRoles.js';
import { prepareFile, type FileResult, type FileTask } from './prepareFile.js';
import type { ReconcileTask } from './reconcileInWorker.js';

/** What the pool's workers do (`extractWorker.cts` is their entry point): read and extract a file. */
export function prepareInWorker(task: FileTask): FileResult {
  return prepareFile(task);
}

/**
 * Reconciles roles from the database on a read-only connection. Loaded on first use: an ingest
 * that has no role to catch up never opens SQLite in its workers.
 */
export async function reconcileInPool(task: ReconcileTask): Promise<RoleOutcome[]> {
  const { reconcileInWorker } = await import('./reconcileInWorker.js');
  return reconcileInWorker(task);
}
