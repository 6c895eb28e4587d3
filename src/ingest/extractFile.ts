import { PageError } from '../errors.js';
import { extractPage } from '../extract/extractPage.js';
import { decodePage } from '../read/detect.js';
import { readHtml } from '../read/html/readHtml.js';
import { readPageText, sha256 } from '../read/readPage.js';
import type { PageRecord } from '../schema/pageRecord.js';

/** What extracting one file's bytes gave: its record, or the one-line reason it has none. */
export type Extracted = { ok: true; record: PageRecord } | { ok: false; reason: string };

export interface ExtractTask {
  path: string;
  bytes: Uint8Array;
  /** The bytes' hash when the caller has it already (hashing a served page costs half a millisecond). */
  sha256?: string;
}

/** Reads and extracts one page; never throws, so a bad file cannot stop a batch or kill a worker. */
export function extractFile({ path, bytes, sha256: hash }: ExtractTask): Extracted {
  try {
    // As readPageBytes, without hashing the bytes again.
    const { text, kind, notes } = decodePage(bytes, path);
    const document = kind === 'html' ? readHtml(text) : readPageText(text);
    document.notes.push(...notes);
    return { ok: true, record: extractPage(document, { path, sha256: hash ?? sha256(bytes) }) };
  } catch (error) {
    if (error instanceof PageError) return { ok: false, reason: error.reason };
    // A bug or an exhausted stack: still one line naming what failed, and the batch goes on.
    return { ok: false, reason: `rolepages could not read it: ${error instanceof Error ? error.message : String(error)}` };
  }
}
