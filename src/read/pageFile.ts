import { createHash } from 'node:crypto';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { PageError } from '../errors.js';

/**
 * A saved page's file: its bytes, read only when it is a regular file under the size cap, and
 * their hash.
 */

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The kinds of file a folder of saved pages holds; a file named on its own is read as it is. */
export const PAGE_EXTENSIONS: ReadonlySet<string> = new Set(['.html', '.htm', '.txt', '.md']);

/** A served page is 150–300 KB; ten times the largest is still a page, more is something else. */
export const DEFAULT_MAX_PAGE_BYTES = 5 * 1024 * 1024;

export interface ReadOptions {
  /** Larger files fail with `too-large` before they are read. */
  maxBytes?: number;
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
 * As `readPageFile`, on the calling thread, with the file's modification time: for a worker that
 * reads one small file after another, where an asynchronous read costs more of its thread (five
 * round trips) than the read itself.
 */
export function readPageFileSync(path: string, { maxBytes = DEFAULT_MAX_PAGE_BYTES }: ReadOptions = {}): { bytes: Uint8Array; modified: Date } {
  try {
    const info = statSync(path);
    refuseUnlessPageFile(info, path, maxBytes);
    return { bytes: readFileSync(path), modified: info.mtime };
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
      `${mib(info.size)} is over the ${mib(maxBytes)} limit for one page`,
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
