import type { RoleOutcome } from '../reconcile/reconcileRoles.js';
import { extractFile, type Extracted, type ExtractTask } from './extractFile.js';
import type { ReconcileTask } from './reconcileInWorker.js';

/** The worker-thread entry point of the extraction pool (piscina calls the default export). */
export default function extractInWorker(task: ExtractTask): Extracted {
  return extractFile(task);
}

/**
 * Reconciles roles from the database on a read-only connection (piscina's task name
 * `reconcile`). Loaded on first use: an ingest that has no role to catch up never opens SQLite
 * in its workers.
 */
export async function reconcile(task: ReconcileTask): Promise<RoleOutcome[]> {
  const { reconcileInWorker } = await import('./reconcileInWorker.js');
  return reconcileInWorker(task);
}
