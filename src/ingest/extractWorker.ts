import { extractFile, type Extracted, type ExtractTask } from './extractFile.js';

/** The worker-thread entry point of the extraction pool (piscina calls the default export). */
export default function extractInWorker(task: ExtractTask): Extracted {
  return extractFile(task);
}
