import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ArchiveError } from '../../../src/read/archive/archiveError.js';
import { type ArchiveRecord, readArchiveRecords } from '../../../src/read/archive/archiveRecords.js';
import { PNG, type RecordSpec, serializeRecords } from '../../support/webArchive.js';

const MAX = 5 * 1024 * 1024;
const PAGE = (n: number) => `<!DOCTYPE html><html><body><h1>Page ${n}</h1>${'<p>Nurse vs Doctor</p>'.repeat(200)}</body></html>`;
const SPECS: RecordSpec[] = [
  { type: 'warcinfo' },
  { type: 'request', url: 'https://www.zippia.com/a-vs-b/', date: '2026-01-15T09:00:00Z' },
  { type: 'response', url: 'https://www.zippia.com/a-vs-b/', date: '2026-01-15T09:00:00Z', body: PAGE(1) },
  { type: 'response', url: 'https://www.zippia.com/logo.png', date: '2026-01-15T09:00:01Z', contentType: 'image/png', body: PNG },
  { type: 'response', url: 'https://www.zippia.com/c-vs-d/', date: '2026-01-15T09:00:02.5Z', body: PAGE(2) },
];

async function all(path: string): Promise<{ records: ArchiveRecord[]; error: ArchiveError | null }> {
  const records: ArchiveRecord[] = [];
  try {
    for await (const r of readArchiveRecords(path, { maxBytes: MAX })) records.push(r);
  } catch (error) {
    if (!(error instanceof ArchiveError)) throw error;
    return { records, error };
  }
  return { records, error: null };
}

const summary = (records: ArchiveRecord[]) => records.map((r) => (r.kind === 'response' ? `${r.offset} ${r.url} ${r.capturedAt} ${r.body.byteLength}` : `${r.offset} ${r.kind}`));

describe('readArchiveRecords', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rolepages-warc-'));

  it('gives the pages of a plain archive with their URL and time, and passes the rest over, at each record’s offset', async () => {
    const parts = await serializeRecords(SPECS, { gzip: false });
    const starts = parts.map((_, i) => parts.slice(0, i).reduce((n, p) => n + p.byteLength, 0));
    const path = join(dir, 'plain.warc');
    writeFileSync(path, Buffer.concat(parts));
    const { records, error } = await all(path);
    expect(error).toBeNull();
    expect(summary(records)).toEqual([
      `${starts[0]} other`,
      `${starts[1]} other`,
      `${starts[2]} https://www.zippia.com/a-vs-b/ 2026-01-15T09:00:00.000Z ${PAGE(1).length}`,
      `${starts[3]} other`,
      `${starts[4]} https://www.zippia.com/c-vs-d/ 2026-01-15T09:00:02.500Z ${PAGE(2).length}`,
    ]);
  });

  it('reads one gzip member a record and one gzip stream alike, with offsets into the uncompressed records', async () => {
    const plain = Buffer.concat(await serializeRecords(SPECS, { gzip: false }));
    writeFileSync(join(dir, 'stream.warc.gz'), gzipSync(plain));
    writeFileSync(join(dir, 'members.warc.gz'), Buffer.concat(await serializeRecords(SPECS, { gzip: true })));
    writeFileSync(join(dir, 'plain-again.warc'), plain);
    const expected = summary((await all(join(dir, 'plain-again.warc'))).records);
    expect(summary((await all(join(dir, 'stream.warc.gz'))).records)).toEqual(expected);
    expect(summary((await all(join(dir, 'members.warc.gz'))).records)).toEqual(expected);
  });

  it('ends a plain archive cut inside a record with an error naming the record’s offset, after the records before it', async () => {
    const parts = await serializeRecords(SPECS, { gzip: false });
    const whole = Buffer.concat(parts);
    const lastStart = whole.byteLength - parts[4]!.byteLength;
    for (const cut of [lastStart + 100, lastStart + 2000]) {
      const path = join(dir, `cut-${cut}.warc`);
      writeFileSync(path, whole.subarray(0, cut));
      const { records, error } = await all(path);
      expect(records.map((r) => r.kind)).toEqual(['other', 'other', 'response', 'other']);
      expect(error).toMatchObject({ code: 'cut-short', offset: lastStart, file: path });
    }
  });

  it('ends a gzip archive cut inside a member with an error naming where the record starts, after the records before it', async () => {
    const members = await serializeRecords(SPECS, { gzip: true });
    const whole = Buffer.concat(members);
    const lastMember = whole.byteLength - members[4]!.byteLength;
    const lastStart = Buffer.concat(await serializeRecords(SPECS.slice(0, 4), { gzip: false })).byteLength;
    for (const cut of [lastMember + 5, lastMember + 200, whole.byteLength - 20]) {
      const path = join(dir, `cut-${cut}.warc.gz`);
      writeFileSync(path, whole.subarray(0, cut));
      const { records, error } = await all(path);
      expect(records.map((r) => r.kind)).toEqual(['other', 'other', 'response', 'other']);
      expect(error).toMatchObject({ code: 'cut-short', offset: lastStart, file: path, reason: expect.stringContaining('(unexpected end of file)') });
    }
  });

  it('says a file that does not begin with a WARC record is not an archive, compressed or not', async () => {
    const html = Buffer.from(PAGE(1));
    for (const [name, bytes] of [['page.warc.gz', html], ['gzipped-page.warc.gz', gzipSync(html)], ['empty.warc', Buffer.alloc(0)]] as const) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const { records, error } = await all(path);
      expect(records).toEqual([]);
      expect(error?.code).toBe('not-an-archive');
    }
  });
});
