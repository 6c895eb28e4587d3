import type { RoleOutcome } from '../reconcile/reconcileRoles.js' with { 'resolution-mode': 'import' };
import type { FileResult, FileTask } from './prepareFile.js' with { 'resolution-mode': 'import' };
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

/**
 * The default task: read and extract a file. piscina takes `module.exports` itself when it is a
 * function. It hands a worker every task waiting for it at once, each in a microtask, and a
 * worker's microtasks only end when all have run: 256 files run that way came back in one burst
 * after two seconds (the first ones all waiting for the modules to load), and the writer had
 * nothing to store until then. Each file waits for an event-loop turn of its own instead, once
 * the modules are there, and its result goes back the moment it is extracted.
 */
function extract(task: FileTask): Promise<FileResult> {
  return new Promise((resolve, reject) => {
    tasks.then((t) => {
      setImmediate(() => {
        try {
          resolve(t.prepareInWorker(task));
        } catch (error) {
          reject(error);
        }
      });
    }, reject);
  });
}

async function reconcile(task: ReconcileTask): Promise<RoleOutcome[]> {
  return (await tasks).reconcileInPool(task);
}

export = Object.assign(extract, { reconcile });
