import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WARCRecord, WARCSerializer } from 'warcio';

/** The size of one image a padded archive holds: a large photo, as a crawl of a site fetches. */
const IMAGE_BYTES = 4 * 1024 * 1024;

/**
 * Writes every page of a corpus folder into one web archive, as a crawler would have saved the
 * same pages: per page a request and a response record (WARC 1.1, one gzip member a record),
 * a second apart, appended one page at a time. With `imageBytes`, that many bytes of image
 * responses are spread between the pages (`IMAGE_BYTES` each), which the ingest reads past: an archive of
 * gigabytes without waiting for gigabytes of pages to be extracted.
 */
export async function writeArchiveOf(dir: string, archive: string, { imageBytes = 0 }: { imageBytes?: number } = {}): Promise<{ records: number; bytes: number }> {
  const fd = openSync(archive, 'w');
  let bytes = 0;
  let records = 0;
  const start = Date.parse('2026-01-15T09:00:00Z');
  /** Appends one record, given as the gzip member it is written as, or serialized here. */
  const append = async (record: WARCRecord | Uint8Array) => {
    const part = record instanceof Uint8Array ? record : await WARCSerializer.serialize(record, { gzip: true });
    writeSync(fd, part);
    bytes += part.byteLength;
    records++;
  };
  try {
    await append(WARCRecord.createWARCInfo({ filename: 'bench.warc.gz', warcVersion: 'WARC/1.1' }, { software: 'rolepages bench' }));
    const files = pageFiles(dir);
    const images = Math.ceil(imageBytes / IMAGE_BYTES);
    const image = images > 0 ? randomBytes(IMAGE_BYTES) : null;
    let imagesWritten = 0;
    for (const [i, file] of files.entries()) {
      const url = `https://bench.example/${relative(dir, file).split('\\').join('/')}`;
      const date = new Date(start + i * 1000).toISOString();
      for (; imagesWritten < Math.round((images * (i + 1)) / files.length); imagesWritten++) {
        await append(await imageRecord(`https://bench.example/photos/${imagesWritten}.jpg`, date, image!));
      }
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

/**
 * One image response, as its own gzip member. The image is random bytes, which do not compress:
 * the member is written stored (level 0), the size it would have, in a fraction of the time. Its
 * digests are given, as the serializer would otherwise hash every image.
 */
async function imageRecord(url: string, date: string, image: Uint8Array): Promise<Buffer> {
  const record = WARCRecord.create(
    {
      url,
      date,
      type: 'response',
      warcVersion: 'WARC/1.1',
      httpHeaders: { 'Content-Type': 'image/jpeg', 'Content-Length': String(IMAGE_BYTES) },
      warcHeaders: { 'WARC-Payload-Digest': 'sha256:bench', 'WARC-Block-Digest': 'sha256:bench' },
    },
    (async function* () {
      yield image;
    })(),
  );
  return gzipSync(await WARCSerializer.serialize(record, { gzip: false }), { level: 0 });
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
