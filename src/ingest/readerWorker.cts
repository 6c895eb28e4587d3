import type { ReadResult, ReadTask } from './readCapture.js' with { 'resolution-mode': 'import' };

/*
 * The reader pool's worker, in CommonJS on purpose: piscina loads a worker file with require()
 * first, and on Node 20 require() of an ES module now and then crashed the whole process
 * ("v8::Module::IsGraphAsync must be used on an instantiated module"). The ES modules are
 * reached through import() instead.
 */
const modules = import('./readCapture.js');

export = async function read(task: ReadTask): Promise<ReadResult> {
  return (await modules).readCapture(task);
};
