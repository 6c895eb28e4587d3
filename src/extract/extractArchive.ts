import { PageError, type PageErrorCode } from '../errors.js';
import { readArchiveRecords } from '../read/archive/archiveRecords.js';
import { DEFAULT_MAX_PAGE_BYTES } from '../read/pageFile.js';
import type { PageRecord } from '../schema/pageRecord.js';
import { extractBytes } from './extractFile.js';

/** What an archive's page that is not a comparison fails with: such a record is passed over. */
export const NOT_A_COMPARISON: ReadonlySet<PageErrorCode> = new Set(['not-a-comparison', 'not-text']);

/**
 * The page records of a web archive's comparison pages (`.warc`, `.warc.gz`), in its order, on
 * the calling thread: each response whose page is a comparison, with its URL (`WARC-Target-URI`)
 * and its path `archive#offset`; a page that fails otherwise is its `PageError`. The rest of the
 * archive (requests, images, redirects, the site's other pages, revisits) is passed over. Throws
 * `ArchiveError` when the archive is no archive, or breaks, after the records before the break.
 *
 * @example
 * for await (const record of extractArchive('crawl.warc.gz')) if (!(record instanceof PageError)) console.log(record.source.url);
 */
export async function* extractArchive(path: string, { maxBytes = DEFAULT_MAX_PAGE_BYTES }: { maxBytes?: number } = {}): AsyncGenerator<PageRecord | PageError> {
  for await (const record of readArchiveRecords(path, { maxBytes })) {
    const at = `${path}#${record.offset}`;
    if (record.kind === 'too-large') {
      yield new PageError('too-large', at, `the record holds ${(record.bytes / 1024 / 1024).toFixed(1)} MiB, over the ${(maxBytes / 1024 / 1024).toFixed(1)} MiB limit for one page`);
    } else if (record.kind === 'response') {
      const page = extractBytes(record.body, at);
      if (page instanceof PageError && NOT_A_COMPARISON.has(page.code)) continue;
      if (!(page instanceof PageError)) page.source.url = record.url;
      yield page;
    }
  }
}
