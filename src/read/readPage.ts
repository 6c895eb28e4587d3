import { PageError } from '../errors.js';
import { decodePage } from './detect.js';
import type { PageDocument } from './document.js';
import { readFlatText } from './flat/readFlatText.js';
import { MarkupTooDeep } from './html/parsePage.js';
import { readHtml } from './html/readHtml.js';
import { readTabularText } from './tabular/readTabularText.js';
import { readPageFile, sha256, type ReadOptions } from './pageFile.js';

export { DEFAULT_MAX_PAGE_BYTES, readPageFile, type ReadOptions } from './pageFile.js';

/** A page as read from disk: its document plus what identifies the bytes it came from. */
export interface ReadPage {
  path: string;
  sha256: string;
  document: PageDocument;
}

/** Reads and identifies one saved page. Throws `PageError` naming the file and the reason. */
export async function readPage(path: string, options: ReadOptions = {}): Promise<ReadPage> {
  return readPageBytes(await readPageFile(path, options), path);
}

/** Reads a saved page from its bytes (`hash` is their SHA-256, when the caller has it already). */
export function readPageBytes(bytes: Uint8Array, path: string, hash: string = sha256(bytes)): ReadPage {
  const { pieces, kind, notes } = decodePage(bytes, path);
  let document: PageDocument;
  try {
    document = kind === 'html' ? readHtml(pieces) : readPageText(pieces.join(''));
  } catch (error) {
    if (error instanceof MarkupTooDeep) throw new PageError('not-a-comparison', path, error.message);
    throw error;
  }
  document.notes.push(...notes);
  return { path, sha256: hash, document };
}

/** Picks the reader by what the text is, not by its file name. */
export function readPageText(text: string): PageDocument {
  if (hasPipeRows(text)) return readTabularText(text);
  // Flattened layout (cells glued together): no pipe rows at all.
  return readFlatText(text);
}

/** A tabular capture has table rows such as `| Yearly salary | $37,938 | $42,586 |`. */
export function hasPipeRows(text: string): boolean {
  // Two "|" on one line. A scan, not a regular expression, which could backtrack on a long line
  // of spaces.
  let previous = -1;
  for (let i = text.indexOf('|'); i !== -1; i = text.indexOf('|', i + 1)) {
    // Looks back only as far as the previous "|", so each character is looked at once.
    if (previous !== -1 && text.lastIndexOf('\n', i) < previous) return true;
    previous = i;
  }
  return false;
}
