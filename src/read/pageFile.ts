import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { PageError } from '../errors.js';
import { pathOnDisk } from '../files/fileNames.js';

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
  /** Larger files fail with `too-large`: before they are read when their size says so, else once the read passes it. */
  maxBytes?: number;
}

/**
 * The bytes of a saved page, refusing files over the size cap. The cap holds whatever the file's
 * size says: a file of the kernel's (`/proc/self/pagemap`) says 0 and has no end.
 */
export async function readPageFile(path: string, { maxBytes = DEFAULT_MAX_PAGE_BYTES }: ReadOptions = {}): Promise<Uint8Array> {
  const onDisk = pathOnDisk(path);
  try {
    const info = await stat(onDisk);
    refuseUnlessPageFile(info, path, maxBytes);
    const handle = await open(onDisk, 'r');
    try {
      const gathered = new Gathered(info.size, maxBytes);
      let into = gathered.space();
      while (gathered.add((await handle.read(into, 0, into.length, null)).bytesRead)) into = gathered.space();
      return gathered.bytes(path);
    } finally {
      await handle.close();
    }
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
  const onDisk = pathOnDisk(path);
  try {
    const info = statSync(onDisk);
    refuseUnlessPageFile(info, path, maxBytes);
    const fd = openSync(onDisk, 'r');
    try {
      const gathered = new Gathered(info.size, maxBytes);
      let into = gathered.space();
      while (gathered.add(readSync(fd, into, 0, into.length, null))) into = gathered.space();
      return { bytes: gathered.bytes(path), modified: info.mtime };
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw unreadable(error, path);
  }
}

/**
 * A file's bytes as they are read, stopping once they pass the cap: room for what its size says
 * and the byte that shows whether it ends there, grown in whole chunks for a file that goes on.
 */
class Gathered {
  private buffer: Buffer;
  private length = 0;

  constructor(
    size: number,
    private readonly maxBytes: number,
  ) {
    this.buffer = Buffer.allocUnsafe(size > 0 ? Math.min(size, maxBytes) + 1 : CHUNK);
  }

  /** Where the next read goes: the room left, grown when there is none. */
  space(): Buffer {
    if (this.length === this.buffer.length) {
      // Whole chunks: some kernel files take only reads of a multiple of their entry size.
      const grown = Buffer.allocUnsafe(Math.min(this.length * 2, Math.ceil((this.maxBytes + 1) / CHUNK) * CHUNK));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    return this.buffer.subarray(this.length);
  }

  /** Counts a read's bytes; false once the file has ended or the cap is passed. */
  add(read: number): boolean {
    this.length += read;
    return read > 0 && this.length <= this.maxBytes;
  }

  bytes(path: string): Uint8Array {
    if (this.length > this.maxBytes) {
      throw new PageError('too-large', path, `the file goes on past the ${mib(this.maxBytes)} limit for one page (its size said less)`);
    }
    return this.buffer.subarray(0, this.length);
  }
}

/** What is read at a time from a file whose size says nothing (0, as the kernel's files say). */
const CHUNK = 64 * 1024;

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

/** A size as the size cap's messages say it (`5.0 MiB`). */
export const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
