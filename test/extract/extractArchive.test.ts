import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PageError } from '../../src/errors.js';
import { extractArchive } from '../../src/extract/extractArchive.js';

const WGET_CRAWL = fileURLToPath(new URL('../archives/wget-crawl.warc.gz', import.meta.url));

describe('extractArchive', () => {
  it('gives the records of a wget crawl’s comparison pages, with their URLs and record paths, and nothing of the rest', async () => {
    const records = [];
    for await (const record of extractArchive(WGET_CRAWL)) {
      if (record instanceof PageError) throw record;
      records.push(record);
    }
    expect(records.map((r) => [r.source.path.replace(WGET_CRAWL, 'crawl'), r.source.url, r.roles[0].key, r.roles[0].yearlySalary])).toEqual([
      ['crawl#4479', 'http://127.0.0.1:46067/collections-coordinator-jobs/collections-coordinator-vs-account-specialist/', 'collections-coordinator', 37938],
      ['crawl#16873', 'http://127.0.0.1:46067/collections-accounts-receivable-jobs/collections-accounts-receivable-vs-collections-coordinator/', 'collections-accounts-receivable', 38949],
      ['crawl#29731', 'http://127.0.0.1:46067/tree-trimmer-jobs/tree-trimmer-vs-arborist/', 'tree-trimmer', 41260],
    ]);
  });
});
