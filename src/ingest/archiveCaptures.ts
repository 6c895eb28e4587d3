import { ArchiveError } from '../read/archive/archiveError.js';
import { readArchiveRecords } from '../read/archive/archiveRecords.js';
import { mib } from '../read/pageFile.js';
import type { CaptureTime } from '../store/captureWriter.js';
import type { ReadResult, ReadTask } from './readCapture.js';

/** What reading one capture gave: a reader's result, or an archive's revisit of earlier content. */
export type CaptureRead = ReadResult | ({ kind: 'revisit'; url: string; refersTo: { url: string; capturedAt: string } } & Required<CaptureTime>);

/** What the ingest does with an archive's records: hands pages to the readers, counts the rest. */
export interface ArchiveReading {
  /** Hands a record's page to the readers; resolves once they have room for it, with its read under way. */
  read: (task: ReadTask) => Promise<{ result: Promise<ReadResult> }>;
  database: string | null;
  maxBytes: number;
  /** A record that is no page of the site's: a request, an image, a redirect, a 404… */
  passOver: () => void;
}

/**
 * The captures a web archive holds, in its order, each with its read under way: its responses'
 * pages go to the readers as loose files do, its revisits are captures of the earlier content
 * they name. The archive is streamed: only the records the readers have not taken yet are held.
 * A break in the archive ends it with one failure naming it and the offset; the records before
 * are captures as any others.
 */
export async function* archiveCaptures(archive: string, reading: ArchiveReading): AsyncGenerator<{ path: string; result: Promise<CaptureRead>; archived: true }> {
  try {
    for await (const record of readArchiveRecords(archive, { maxBytes: reading.maxBytes })) {
      const path = `${archive}#${record.offset}`;
      if (record.kind === 'response') {
        const task: ReadTask = { path, database: reading.database, archived: { body: record.body, url: record.url, capturedAt: record.capturedAt } };
        yield { path, result: (await reading.read(task)).result, archived: true };
      } else if (record.kind === 'revisit') {
        const { url, capturedAt, refersTo } = record;
        yield { path, result: Promise.resolve({ kind: 'revisit', url, refersTo, capturedAt, timeSource: 'archive' }), archived: true };
      } else if (record.kind === 'too-large') {
        const reason = `the record holds ${mib(record.bytes)}, over the ${mib(reading.maxBytes)} limit for one page`;
        yield { path, result: Promise.resolve({ kind: 'failed', reason, code: 'too-large' }), archived: true };
      } else {
        reading.passOver();
      }
    }
  } catch (error) {
    if (!(error instanceof ArchiveError)) throw error;
    const reason = error.code === 'cut-short' ? `${error.reason}; the records before it are stored, and a run on the whole archive stores the rest` : error.reason;
    yield { path: archive, result: Promise.resolve({ kind: 'failed', reason, code: 'unreadable' }), archived: true };
  }
}
