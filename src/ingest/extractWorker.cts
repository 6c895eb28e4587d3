import type { RoleOutcome } from '../reconcile/reconcileRoles.js' with { 'resolution-mode': 'import' };
import type { Extracted, ExtractTask } from './extractFile.js' with { 'resolution-mode': 'import' };
import type { ReconcileTask } from './reconcileInWorker.js' with { 'resolution-mode': 'import' };

/*
 * The pool's worker file, in CommonJS on purpose. piscina loads a worker file with require()
 * first, and on Node 20 require() of an ES module crashed the whole process now and then
 * ("FATAL ERROR: v8::Module::IsGraphAsync must be used on an instantiated module", about one
 * ingest in forty). Loaded as CommonJS, the worker reaches the ES modules through import().
 * The module is the default task's function, with the `reconcile` task as a property (piscina
 * calls the property named by a task's `name`).
 */
const tasks = import('./workerTasks.js');

/** The default task: extract a page. piscina takes `module.exports` itself when it is a function. */
async function extract(task: ExtractTask): Promise<Extracted> {
  return (await tasks).extractInWorker(task);
}

async function reconcile(task: ReconcileTask): Promise<RoleOutcome[]> {
  return (await tasks).reconcileInPool(task);
}

export = Object.assign(extract, { reconcile });
