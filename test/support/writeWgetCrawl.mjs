// Writes test/archives/wget-crawl.warc.gz: a real `wget --warc-file` crawl of three comparison
// pages (fixtures 005, 006 and 012) served on 127.0.0.1, linked from an index page, with no
// robots.txt (a 404). Run once with `node test/support/writeWgetCrawl.mjs`; the archive is committed.

import { readFileSync, mkdtempSync, copyFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PAGES = {
  '/collections-coordinator-jobs/collections-coordinator-vs-account-specialist/': 'fixtures/005_61d26842a8aa7f89_table.html',
  '/collections-accounts-receivable-jobs/collections-accounts-receivable-vs-collections-coordinator/': 'fixtures/006_47a54ea3bd2ce3cc_table.html',
  '/tree-trimmer-jobs/tree-trimmer-vs-arborist/': 'fixtures/012_no-overview_table.html',
};
const index = `<!DOCTYPE html><html><head><title>Compare careers</title></head><body><h1>Compare careers</h1><ul>${Object.keys(PAGES)
  .map((path) => `<li><a href="${path}">${path}</a></li>`)
  .join('')}</ul></body></html>`;

const server = createServer((request, response) => {
  const file = PAGES[request.url];
  if (request.url === '/') response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(index);
  else if (file) response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(readFileSync(join(root, file)));
  else response.writeHead(404, { 'Content-Type': 'text/html' }).end('<html><body>Not found</body></html>');
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const work = mkdtempSync(join(tmpdir(), 'rolepages-wget-'));
  // Asynchronously: the server answers on this thread while wget runs.
  import('node:child_process').then(({ spawn }) => {
    const wget = spawn('wget', ['--recursive', '--level=1', '--no-verbose', '--warc-file=crawl', '--no-warc-keep-log', '--directory-prefix=site', `http://127.0.0.1:${port}/`], { cwd: work, stdio: 'inherit' });
    wget.on('exit', (status) => {
      server.close();
      copyFileSync(join(work, 'crawl.warc.gz'), join(root, 'test/archives/wget-crawl.warc.gz'));
      rmSync(work, { recursive: true, force: true });
      console.log(`wget exited ${status}; wrote test/archives/wget-crawl.warc.gz (port ${port})`);
    });
  });
});
