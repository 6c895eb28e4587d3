import { closeSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join, relative } from 'node:path';
import { WARCRecord, WARCSerializer } from 'warcio';

/**
 * Writes every page of a corpus folder into one web archive, as a crawler would have saved the
 * same pages: per page a request and a response record (WARC 1.1, one gzip member a record),
 * a second apart, appended one page at a time.
 */
export async function writeArchiveOf(dir: string, archive: string): Promise<{ records: number; bytes: number }> {
  const fd = openSync(archive, 'w');
  let bytes = 0;
  let records = 0;
  const start = Date.parse('2026-01-15T09:00:00Z');
  const append = async (record: WARCRecord) => {
    const part = await WARCSerializer.serialize(record, { gzip: true });
    writeSync(fd, part);
    bytes += part.byteLength;
    records++;
  };
  try {
    await append(WARCRecord.createWARCInfo({ filename: 'bench.warc.gz', warcVersion: 'WARC/1.1' }, { software: 'rolepages bench' }));
    for (const [i, file] of pageFiles(dir).entries()) {
      const url = `https://bench.example/${relative(dir, file).split('\\').join('/')}`;
      const date = new Date(start + i * 1000).toISOString();
      const body = readFileSync(file);
      const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8';
      await append(WARCRecord.create({ url, date, type: 'request', warcVersion: 'WARC/1.1', statusline: `GET ${new URL(url).pathname} HTTP/1.1`, httpHeaders: { Host: 'bench.example' } }));
      await append(
        WARCRecord.create(
          { url, date, type: 'response', warcVersion: 'WARC/1.1', httpHeaders: { 'Content-Type': type } },
          (async function* () {
            yield body;
          })(),
        ),
      );
    }
  } finally {
    closeSync(fd);
  }
  return { records, bytes };
}

/** The corpus's files in the order an ingest of the folder takes them. */
function pageFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...pageFiles(path));
    else files.push(path);
  }
  return files;
}
