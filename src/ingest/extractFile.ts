import { PageError } from '../errors.js';
import { extractPage } from '../extract/extractPage.js';
import { readPageBytes } from '../read/readPage.js';
import type { PageRecord } from '../schema/pageRecord.js';

/** What extracting one file's bytes gave: its record, or the one-line reason it has none. */
export type Extracted = { ok: true; record: PageRecord } | { ok: false; reason: string };

export interface ExtractTask {
  path: string;
  bytes: Uint8Array;
}

/** Reads and extracts one page; never throws, so a bad file cannot stop a batch or kill a worker. */
export function extractFile({ path, bytes }: ExtractTask): Extracted {
  try {
    const page = readPageBytes(bytes, path);
    return { ok: true, record: extractPage(page.document, { path, sha256: page.sha256 }) };
  } catch (error) {
    if (error instanceof PageError) return { ok: false, reason: error.reason };
    // A bug or an exhausted stack: still one line naming what failed, and the batch goes on.
    return { ok: false, reason: `rolepages could not read it: ${error instanceof Error ? error.message : String(error)}` };
  }
}
