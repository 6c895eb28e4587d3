import { randomBytes } from 'node:crypto';
import { closeSync, createWriteStream, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Hands text to the file being written; may be called any number of times. */
export type WriteText = (text: string) => void;

/**
 * Writes a file whole or not at all: the content goes to a temporary file in the same folder,
 * which is flushed to disk and renamed over `path` only once all of it is written. A failure
 * on the way (a full disk, an error in `fill`) leaves the file that was there before, or none,
 * and no temporary file; the error is rethrown. Returns the bytes written.
 */
export function writeFileAtomically(path: string, fill: string | ((write: WriteText) => void)): number {
  const temporary = temporaryPathFor(path);
  const fd = openSync(temporary, 'wx');
  let bytes = 0;
  let open = true;
  try {
    const write: WriteText = (text) => {
      const buffer = Buffer.from(text, 'utf8');
      for (let at = 0; at < buffer.length; ) at += writeSync(fd, buffer, at, buffer.length - at);
      bytes += buffer.length;
    };
    if (typeof fill === 'string') write(fill);
    else fill(write);
    fsyncSync(fd);
    open = false;
    closeSync(fd);
    renameSync(temporary, path);
  } catch (error) {
    if (open) closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  return bytes;
}

/**
 * As `writeFileAtomically`, for content written as a stream (a table too large to hold as one
 * string): `fill` writes to the temporary file's stream, waiting when it is behind.
 */
export async function streamFileAtomically(path: string, fill: (out: NodeJS.WritableStream) => Promise<unknown>): Promise<void> {
  const temporary = temporaryPathFor(path);
  const out = createWriteStream(temporary, { flags: 'wx' });
  // A write that fails (a full disk) fails the stream, not the write call: it ends the fill.
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  try {
    await Promise.race([fill(out), failed]);
    // A write that failed after `fill` returned (the last chunk on a full disk) fails the end.
    await Promise.race([new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve()))), failed]);
    if (out.errored) throw out.errored;
    const fd = openSync(temporary, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    out.destroy();
    rmSync(temporary, { force: true });
    throw error;
  } finally {
    failed.catch(() => undefined);
  }
}

/** A temporary file beside `path`, so that renaming it over `path` stays on one file system. */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}
