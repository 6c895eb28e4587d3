import { PageError, toPageError } from '../errors.js';
import { readPageBytes, readPageFile, type ReadOptions } from '../read/readPage.js';
import { unwrapSavedPage } from '../read/saved/savedPage.js';
import type { PageRecord } from '../schema/pageRecord.js';
import { extractPage } from './extractPage.js';

/**
 * The one way from a saved file's bytes to its page record: what `extract` prints is what
 * `ingest` stores, and a file one refuses the other refuses with the same reason. Never throws:
 * a file rolepages fails on is still one reason naming it, so a batch goes on.
 */
export function extractBytes(bytes: Uint8Array, path: string, sha256?: string): PageRecord | PageError {
  try {
    const page = readPageBytes(bytes, path, sha256);
    return extractPage(page.document, { path, sha256: page.sha256 });
  } catch (error) {
    return toPageError(error, path);
  }
}

/**
 * Reads and extracts one saved page.
 *
 * @example
 * const record = await extractFile('pages/nurse-vs-doctor.html');
 * if (record instanceof PageError) console.error(record.message);
 * else console.log(record.roles[0].yearlySalary);
 */
export async function extractFile(path: string, options: ReadOptions = {}): Promise<PageRecord | PageError> {
  let saved: Awaited<ReturnType<typeof unwrapSavedPage>>;
  try {
    // A `.mhtml` save is read for its HTML part; a save that states its URL gives the record that URL.
    saved = await unwrapSavedPage(await readPageFile(path, options), path);
  } catch (error) {
    return toPageError(error, path);
  }
  const record = extractBytes(saved.bytes, path);
  if (!(record instanceof PageError) && saved.url !== null) record.source.url = saved.url;
  return record;
}
