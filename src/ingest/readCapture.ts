import { PageError, type PageErrorCode } from '../errors.js';
import { extractBytes } from '../extract/extractFile.js';
import { readPageFileSync, sha256 } from '../read/pageFile.js';
import { unwrapSavedPage } from '../read/saved/savedPage.js';
import type { PageRecord } from '../schema/pageRecord.js';
import type { CaptureTime } from '../store/captureWriter.js';
import { hasStoredContent } from '../store/storedContent.js';

/**
 * One capture of an ingest, as a reader is given it: a file, which the reader opens (so no bytes
 * travel), or a web archive's record, whose page the thread streaming the archive hands over.
 */
export interface ReadTask {
  /** The file, or for an archive's record `archive#offset`. */
  path: string;
  /** Larger files fail with `too-large` before they are read (default: the reader's cap). */
  maxBytes?: number;
  /** The database whose stored contents are not extracted again; null extracts every file. */
  database: string | null;
  /** An archive record's page: its body, and the URL and time the archive gives it. */
  archived?: { body: Uint8Array; url: string; capturedAt: string };
}

/**
 * What became of one capture: its record; only its hash when that content is stored (it is not
 * extracted again, and is a capture again at its own time); or why it has neither.
 */
export type ReadResult =
  | ({ kind: 'page'; record: PageRecord } & Required<CaptureTime>)
  | ({ kind: 'known'; sha256: string; url: string | null } & Required<CaptureTime>)
  | { kind: 'failed'; reason: string; code: PageErrorCode };

/**
 * Reads, hashes and (unless its content is stored already, which a re-run mostly finds) extracts
 * one capture. Its time is the archive record's date, else the date the saved page states
 * (a `.mhtml` message's, SingleFile's), else the file's modification time; its URL likewise the
 * archive's or the saved page's, before the page's own canonical link.
 */
export async function readCapture({ path, maxBytes, database, archived }: ReadTask): Promise<ReadResult> {
  let page: { bytes: Uint8Array; url: string | null } & Required<CaptureTime>;
  try {
    if (archived) {
      page = { bytes: archived.body, url: archived.url, capturedAt: archived.capturedAt, timeSource: 'archive' };
    } else {
      const file = readPageFileSync(path, maxBytes === undefined ? {} : { maxBytes });
      const saved = await unwrapSavedPage(file.bytes, path);
      page = saved.savedAt
        ? { bytes: saved.bytes, url: saved.url, capturedAt: saved.savedAt, timeSource: 'page' }
        : { bytes: saved.bytes, url: saved.url, capturedAt: file.modified.toISOString(), timeSource: 'file' };
    }
  } catch (error) {
    if (error instanceof PageError) return { kind: 'failed', reason: error.reason, code: error.code };
    throw error;
  }
  try {
    const { bytes, url, capturedAt, timeSource } = page;
    const hash = sha256(bytes);
    if (database !== null && hasStoredContent(database, hash)) return { kind: 'known', sha256: hash, url, capturedAt, timeSource };
    const record = extractBytes(bytes, path, hash);
    if (record instanceof PageError) return { kind: 'failed', reason: record.reason, code: record.code };
    if (url !== null) record.source.url = url;
    return { kind: 'page', record, capturedAt, timeSource };
  } finally {
    if (archived) release(archived.body);
  }
}

/**
 * Lets the next minor collection free a page moved here from the thread reading an archive. The
 * page waited in this reader's hand while others were read, long enough for its buffer's handle to
 * reach the old generation, which is collected seldom: moved to a new handle, dropped at once, its
 * bytes go with the next minor collection instead.
 */
function release(body: Uint8Array): void {
  if (body.buffer instanceof ArrayBuffer && body.buffer.byteLength > 0) structuredClone(body.buffer, { transfer: [body.buffer] });
}
