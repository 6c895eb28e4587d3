import { extractPage } from '../../src/extract/extractPage.js';
import { readPageText } from '../../src/read/readPage.js';
import type { PageRecord } from '../../src/schema/pageRecord.js';

/** The record of a capture held in memory, as `rolepages extract` would print it. */
export function extractText(text: string, path = 'page.txt'): PageRecord {
  return extractPage(readPageText(text), { path, sha256: '0'.repeat(64) });
}
