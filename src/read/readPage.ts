import { createHash } from 'node:crypto';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { PageError } from '../errors.js';
import { decodePage } from './detect.js';
import type { PageDocument } from './document.js';
import { readFlatText } from './flat/readFlatText.js';
import { MAX_MARKUP_DEPTH, markupDepth } from './html/depth.js';
import { readHtml } from './html/readHtml.js';
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

/** A served page is 150–300 KB; ten times the largest is still a page, more is something else. */
export const DEFAULT_MAX_PAGE_BYTES = 5 * 1024 * 1024;

export interface ReadOptions {
  /** Larger files fail with `too-large` before they are read. */
  maxBytes?: number;
}

/** Reads and identifies one saved page. Throws `PageError` naming the file and the reason. */
export async function readPage(path: string, options: ReadOptions = {}): Promise<ReadPage> {
  return readPageBytes(await readPageFile(path, options), path);
}

/** The bytes of a saved page, refusing files over the size cap before reading them. */
export async function readPageFile(path: string, { maxBytes = DEFAULT_MAX_PAGE_BYTES }: ReadOptions = {}): Promise<Uint8Array> {
  try {
    refuseUnlessPageFile(await stat(path), path, maxBytes);
    return await readFile(path);
  } catch (error) {
    throw unreadable(error, path);
  }
}

/**
 * As `readPageFile`, on the calling thread: for a writer that reads many small files, where each
 * asynchronous read costs more of its thread (five round trips) than the read itself.
 */
export function readPageFileSync(path: string, { maxBytes = DEFAULT_MAX_PAGE_BYTES }: ReadOptions = {}): Uint8Array {
  try {
    refuseUnlessPageFile(statSync(path), path, maxBytes);
    return readFileSync(path);
  } catch (error) {
    throw unreadable(error, path);
  }
}

function refuseUnlessPageFile(info: Stats, path: string, maxBytes: number): void {
  if (!info.isFile()) throw new PageError('unreadable', path, `${fileKind(info)}, not a regular file; name a saved page file`);
  if (info.size > maxBytes) {
    throw new PageError(
      'too-large',
      path,
      `${mib(info.size)} is over the ${mib(maxBytes)} limit for one page; if it really is one page, raise the limit with --max-size`,
    );
  }
}

function unreadable(error: unknown, path: string): PageError {
  if (error instanceof PageError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return new PageError('unreadable', path, `cannot read the file (${code}); check that it exists and is readable`);
}

/** What stands at a path that is not a file, in words (reading a FIFO would wait forever). */
function fileKind(info: Stats): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a file';
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export function readPageBytes(bytes: Uint8Array, path: string): ReadPage {
  const { text, kind, notes } = decodePage(bytes, path);
  if (kind === 'html' && markupDepth(text) > MAX_MARKUP_DEPTH) {
    throw new PageError(
      'not-a-comparison',
      path,
      `the markup nests more than ${MAX_MARKUP_DEPTH.toLocaleString('en-US')} levels deep; a saved page nests a few dozen, so this is not one (it was not parsed)`,
    );
  }
  const document = kind === 'html' ? readHtml(text) : readPageText(text);
  document.notes.push(...notes);
  return { path, sha256: sha256(bytes), document };
}

/** Picks the reader by what the text is, not by its file name. */
export function readPageText(text: string): PageDocument {
  if (hasPipeRows(text)) return readTabularText(text);
  // Flattened layout (cells glued together): no pipe rows at all.
  return readFlatText(text);
}

/** A tabular capture has table rows such as `| Yearly salary | $37,938 | $42,586 |`. */
export function hasPipeRows(text: string): boolean {
  // Two "|" on one line. A scan, not a regular expression: the pattern this replaces backtracked
  // on a long line of spaces (64 s for 250 KB).
  let previous = -1;
  for (let i = text.indexOf('|'); i !== -1; i = text.indexOf('|', i + 1)) {
    // Looks back only as far as the previous "|", so each character is looked at once.
    if (previous !== -1 && text.lastIndexOf('\n', i) < previous) return true;
    previous = i;
  }
  return false;
}
