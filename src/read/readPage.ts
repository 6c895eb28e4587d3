import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PageError } from '../errors.js';
import type { PageDocument } from './document.js';
import { readTabularText } from './tabular/readTabularText.js';

/** A page as read from disk: its document plus what identifies the bytes it came from. */
export interface ReadPage {
  path: string;
  sha256: string;
  document: PageDocument;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads and identifies one saved page. Throws `PageError` naming the file and the reason. */
export async function readPage(path: string): Promise<ReadPage> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new PageError('unreadable', path, `cannot read the file (${code}); check that it exists and is readable`);
  }
  return readPageBytes(bytes, path);
}

export function readPageBytes(bytes: Uint8Array, path: string): ReadPage {
  const text = new TextDecoder('utf-8').decode(bytes);
  return { path, sha256: sha256(bytes), document: readPageText(text) };
}

/** Picks the reader by what the text is, not by its file name. */
export function readPageText(text: string): PageDocument {
  if (hasPipeRows(text)) return readTabularText(text);
  // Flattened layout (cells glued together): no pipe rows at all.
  return readTabularText(text);
}

/** A tabular capture has table rows such as `| Yearly salary | $37,938 | $42,586 |`. */
function hasPipeRows(text: string): boolean {
  return /^[ \t]*\|?[^|\n]*\|[^|\n]*\|/m.test(text);
}
