import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { WARCRecord } from 'warcio';
import { BoundedCache } from '../../util/boundedCache.js';
import { ArchiveError } from './archiveError.js';

/**
 * One record of a web archive as rolepages sees it: a page the crawler received (`response`), a
 * page it found unchanged since an earlier capture (`revisit`), a response too large to be a page,
 * or anything else, passed over (`other`: requests, metadata, images, redirects, 404s…).
 */
export type ArchiveRecord =
  | { kind: 'response'; offset: number; url: string; capturedAt: string; body: Uint8Array }
  | { kind: 'revisit'; offset: number; url: string; capturedAt: string; refersTo: { url: string; capturedAt: string } }
  | { kind: 'too-large'; offset: number; bytes: number }
  | { kind: 'other'; offset: number };

/** Media types of the pages the site serves, as HTML or as text. */
const PAGE_TYPES = /^(text\/html|application\/xhtml\+xml|text\/plain|text\/markdown)\s*(;|$)/i;

/** Responses remembered by payload digest, for revisits that name only the digest. */
const REMEMBERED_RESPONSES = 10_000;

/**
 * Reads a web archive (WARC 1.0 or 1.1; plain, one gzip member a record, or one gzip stream) as a
 * stream, one record at a time, with webrecorder's warcio: memory stays that of one record however
 * large the archive. Each record's `offset` is where it starts in the uncompressed archive.
 *
 * Throws `ArchiveError` after the last good record when the archive is cut short or damaged, and
 * before any when the file is not a web archive.
 */
export async function* readArchiveRecords(path: string, { maxBytes }: { maxBytes: number }): AsyncGenerator<ArchiveRecord> {
  // Loaded here, not with this module: a command that reads no archive does not pay for warcio.
  const { LimitReader, WARCParser } = await import('warcio');
  const source = await openArchive(path);
  const parser = new WARCParser(source.chunks);
  const responses = new BoundedCache<{ url: string; capturedAt: string }>(REMEMBERED_RESPONSES);
  // Where the record after those read whole starts (after their closing CRLF CRLF): a break is there.
  let goodEnd = 0;
  let record: WARCRecord | null;
  while (true) {
    try {
      record = await parser.parse();
    } catch (error) {
      throw breaks(path, goodEnd, error);
    }
    if (record === null) break;
    const offset = parser.offset;
    // Headers cut before their end lack what every record states: the crawl stopped in them.
    if (!record.warcType || record.warcHeader('Content-Length') == null) throw breaks(path, offset, null);
    let body: Uint8Array | null = null;
    const page = pageResponse(record);
    try {
      if (page === 'too-large' || page === null || record.warcContentLength > maxBytes) await record.skipFully();
      else body = await record.readFully(true);
    } catch (error) {
      throw breaks(path, offset, error);
    }
    // A record whose block ends before its Content-Length is the end of a crawl killed mid-write.
    if (record._reader instanceof LimitReader && record._reader.limit > 0) throw breaks(path, offset, null);
    goodEnd = offset + parser.recordLength + RECORD_END.length;
    const capturedAt = isoDate(record.warcDate);
    const url = record.warcTargetURI;
    if (body !== null && page !== null && page !== 'too-large' && capturedAt !== null && url) {
      if (body.byteLength > maxBytes) {
        yield { kind: 'too-large', offset, bytes: body.byteLength };
        continue;
      }
      const digest = record.warcPayloadDigest;
      if (digest) responses.set(digest, { url, capturedAt });
      // The body gets a buffer of its own, which the parser does not share: it can be moved to
      // a reader, and does not keep a whole chunk alive.
      yield { kind: 'response', offset, url, capturedAt, body: new Uint8Array(body) };
    } else if (record.warcContentLength > maxBytes && page !== null) {
      yield { kind: 'too-large', offset, bytes: record.warcContentLength };
    } else if (record.warcType === 'revisit' && capturedAt !== null && url) {
      const refersTo = revisited(record, responses);
      yield refersTo ? { kind: 'revisit', offset, url, capturedAt, refersTo } : { kind: 'other', offset };
    } else {
      yield { kind: 'other', offset };
    }
  }
  // The last record's block is whole (checked above), and nothing may follow its closing CRLF CRLF.
  if (source.bytesRead() > goodEnd) throw breaks(path, goodEnd, null);
}

/** What ends every WARC record, after its block. */
const RECORD_END = '\r\n\r\n';

/** Whether a record is a response with a page: status 200, an HTML or text body. */
function pageResponse(record: WARCRecord): 'page' | 'too-large' | null {
  if (record.warcType !== 'response' || record.httpHeaders === null) return null;
  if (Number(record.httpHeaders.statusCode) !== 200) return null;
  const type = record.httpHeaders.headers.get('Content-Type');
  if (type && !PAGE_TYPES.test(type)) return null;
  return 'page';
}

/**
 * The capture a revisit saw again: the response with the same payload digest earlier in this
 * archive, else the one its `WARC-Refers-To-Target-URI` and `WARC-Refers-To-Date` name.
 */
function revisited(record: WARCRecord, responses: BoundedCache<{ url: string; capturedAt: string }>): { url: string; capturedAt: string } | null {
  const digest = record.warcPayloadDigest;
  const seen = digest ? responses.get(digest) : undefined;
  if (seen) return seen;
  const url = record.warcRefersToTargetURI;
  const capturedAt = isoDate(record.warcRefersToDate);
  return url && capturedAt ? { url: url.replace(/^<(.*)>$/, '$1'), capturedAt } : null;
}

/** A WARC date (W3C-ISO8601, to the second or finer) as `toISOString` writes it; null when it is none. */
function isoDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function breaks(path: string, offset: number, error: unknown): ArchiveError {
  if (error instanceof ArchiveError) return error;
  const detail = error instanceof Error ? ` (${error.message})` : '';
  return new ArchiveError('cut-short', path, `the archive is cut short or damaged at byte ${offset}${detail}`, offset);
}

const GZIP_MAGIC = [0x1f, 0x8b];
const CHUNK_BYTES = 256 * 1024;
const WARC_MAGIC = new TextEncoder().encode('WARC/');

/**
 * The archive's uncompressed bytes, as chunks, checked to open like a WARC record. Gzip is told by
 * its first bytes, not the name; Node's zlib reads both one member a record and one stream.
 */
async function openArchive(path: string): Promise<{ chunks: AsyncIterable<Uint8Array>; bytesRead: () => number }> {
  const head = Buffer.alloc(2);
  try {
    const handle = await open(path, 'r');
    try {
      await handle.read(head, 0, 2, 0);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new ArchiveError('unreadable', path, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)}); check that it exists and is readable`);
  }
  const gzip = head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  // Chunks far larger than the streams' defaults: inflating and parsing cost mostly per chunk,
  // and a crawl's archive is hundreds of megabytes inflated.
  const file = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  const stream = gzip ? file.pipe(createGunzip({ chunkSize: CHUNK_BYTES })) : file;
  if (gzip) file.on('error', (error) => stream.destroy(error));
  let read = 0;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        if (read === 0 && !opensLikeWarc(chunk)) throw new ArchiveError('not-an-archive', path, notAnArchive(gzip));
        read += chunk.byteLength;
        yield chunk;
      }
    } catch (error) {
      if (error instanceof ArchiveError) throw error;
      // Gzip that is not gzip from its first bytes is no archive; a break later is a cut.
      if (read === 0) throw new ArchiveError('not-an-archive', path, notAnArchive(gzip));
      throw error;
    } finally {
      stream.destroy();
    }
    if (read === 0) throw new ArchiveError('not-an-archive', path, 'the file is empty, not a web archive');
  }
  return { chunks: chunks(), bytesRead: () => read };
}

function opensLikeWarc(chunk: Uint8Array): boolean {
  return chunk.byteLength >= WARC_MAGIC.length && WARC_MAGIC.every((byte, i) => chunk[i] === byte);
}

function notAnArchive(gzip: boolean): string {
  return `not a web archive: ${gzip ? 'its uncompressed bytes do' : 'it does'} not begin with a WARC record ("WARC/1.0" or "WARC/1.1")`;
}
