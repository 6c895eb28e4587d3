import { isArchiveName } from '../read/archive/archiveName.js';
import type { CaptureTime } from '../store/captureWriter.js';
import { archiveCaptures, type ArchiveReading, type CaptureRead } from './archiveCaptures.js';
import type { ReadResult } from './readCapture.js';

export type { CaptureRead };


/** One capture of the inputs, its read under way. `archived` marks a web archive's record. */
export interface PendingCapture {
  path: string;
  result: Promise<CaptureRead>;
  archived: boolean;
}

/**
 * The captures of the inputs in input order, each with its read under way: a loose file is one
 * capture, a web archive (`.warc`, `.warc.gz`) as many as it holds. `notReached` names the inputs
 * not begun yet, and the archive under way, for a run that stops early.
 */
export function inputCaptures(files: readonly string[], readFile: (path: string) => Promise<ReadResult>, reading: ArchiveReading): { captures: AsyncGenerator<PendingCapture>; notReached: () => string[] } {
  let next = 0;
  let inArchive: string | null = null;
  async function* captures(): AsyncGenerator<PendingCapture> {
    while (next < files.length) {
      const path = files[next++]!;
      if (!isArchiveName(path)) {
        yield { path, result: readFile(path), archived: false };
        continue;
      }
      inArchive = path;
      try {
        yield* archiveCaptures(path, reading);
      } finally {
        inArchive = null;
      }
    }
  }
  return { captures: captures(), notReached: () => [...(inArchive === null ? [] : [inArchive]), ...files.slice(next)] };
}
