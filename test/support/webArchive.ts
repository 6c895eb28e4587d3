import { writeFileSync } from 'node:fs';
import { WARCRecord, WARCSerializer } from 'warcio';

/** One record of a test archive, as a crawler writes it. */
export type RecordSpec =
  | { type: 'warcinfo' }
  | { type: 'response'; url: string; date: string; body: string | Uint8Array; status?: number; contentType?: string; headers?: Record<string, string> }
  | { type: 'request'; url: string; date: string }
  | { type: 'metadata'; url: string; date: string }
  | { type: 'revisit'; url: string; date: string; refersTo: { url: string; date: string } };

/** Builds records with warcio, as crawlers do: WARC 1.1 unless told, each record its own gzip member when `gzip`. */
export async function serializeRecords(specs: readonly RecordSpec[], options: { gzip: boolean; version?: 'WARC/1.0' | 'WARC/1.1' }): Promise<Uint8Array[]> {
  const warcVersion = options.version ?? 'WARC/1.1';
  const parts: Uint8Array[] = [];
  for (const spec of specs) {
    let record: WARCRecord;
    if (spec.type === 'warcinfo') {
      record = WARCRecord.createWARCInfo({ filename: 'crawl.warc.gz', warcVersion }, { software: 'rolepages tests' });
    } else if (spec.type === 'response') {
      const status = spec.status ?? 200;
      const body = typeof spec.body === 'string' ? new TextEncoder().encode(spec.body) : spec.body;
      record = WARCRecord.create(
        {
          url: spec.url,
          date: spec.date,
          type: 'response',
          warcVersion,
          statusline: `HTTP/1.1 ${status} ${status === 200 ? 'OK' : status === 301 ? 'Moved Permanently' : 'Not Found'}`,
          httpHeaders: { 'Content-Type': spec.contentType ?? 'text/html; charset=utf-8', ...spec.headers },
        },
        (async function* () {
          yield body;
        })(),
      );
    } else if (spec.type === 'request') {
      record = WARCRecord.create({ url: spec.url, date: spec.date, type: 'request', warcVersion, statusline: `GET ${new URL(spec.url).pathname} HTTP/1.1`, httpHeaders: { Host: new URL(spec.url).host } });
    } else if (spec.type === 'metadata') {
      record = WARCRecord.create({ url: spec.url, date: spec.date, type: 'metadata', warcVersion, warcHeaders: { 'Content-Type': 'application/warc-fields' } }, (async function* () {
        yield new TextEncoder().encode('outlinks: https://www.zippia.com/\r\n');
      })());
    } else {
      record = WARCRecord.create({ url: spec.url, date: spec.date, type: 'revisit', warcVersion, refersToUrl: spec.refersTo.url, refersToDate: spec.refersTo.date, httpHeaders: { 'Content-Type': 'text/html' } });
    }
    parts.push(await WARCSerializer.serialize(record, { gzip: options.gzip }));
  }
  return parts;
}

/** Writes the records to `path`; returns where each one starts in the file. */
export async function writeArchive(path: string, specs: readonly RecordSpec[], options: { gzip: boolean; version?: 'WARC/1.0' | 'WARC/1.1' }): Promise<number[]> {
  const parts = await serializeRecords(specs, options);
  const starts: number[] = [];
  let at = 0;
  for (const part of parts) {
    starts.push(at);
    at += part.byteLength;
  }
  writeFileSync(path, Buffer.concat(parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength))));
  return starts;
}

/** The few bytes of a PNG image, as a crawl of the site fetches its icons. */
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
