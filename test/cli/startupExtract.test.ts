import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { mhtmlOf } from '../support/mhtmlFile.js';
import { runCommand } from '../support/runCommand.js';
import { FIXTURES } from '../support/seeds.js';

/**
 * The readers `extract` of an HTML page must not load: each records being loaded, then loads as
 * usual, so the same file shows that an archive or a `.mhtml` file does load its reader.
 */
const loaded = vi.hoisted(() => new Set<string>());
vi.mock('warcio', async (original) => (loaded.add('warcio'), original()));
vi.mock('postal-mime', async (original) => (loaded.add('postal-mime'), original()));
vi.mock('better-sqlite3', async (original) => (loaded.add('better-sqlite3'), original()));

const PAGE = join(FIXTURES, '005_61d26842a8aa7f89_table.html');
const URL_005 = 'https://www.zippia.com/collections-coordinator-jobs/collections-coordinator-vs-account-specialist/';

/** One response record of a plain WARC, as a crawler writes it. */
function warcOf(html: Uint8Array): Buffer {
  const payload = Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n'), html]);
  const headers = [
    'WARC/1.1',
    'WARC-Type: response',
    'WARC-Record-ID: <urn:uuid:6a1f3c2e-0b7d-4e59-9f1a-2c3d4e5f6a7b>',
    `WARC-Target-URI: ${URL_005}`,
    'WARC-Date: 2024-01-15T10:30:00Z',
    'Content-Type: application/http; msgtype=response',
    `Content-Length: ${payload.byteLength}`,
  ].join('\r\n');
  return Buffer.concat([Buffer.from(`${headers}\r\n\r\n`), payload, Buffer.from('\r\n\r\n')]);
}

describe('rolepages extract PAGE.html', () => {
  beforeAll(() => {
    // Modules another test file of this worker loaded run again, so an import they make is seen.
    vi.resetModules();
  });

  it('prints the page record and loads neither the archive reader, the MIME reader nor SQLite', async () => {
    // The command as main.ts loads and runs it.
    const { COMMANDS } = await import('../../src/cli/commandList.js');
    const { status, stdout } = await runCommand(await COMMANDS.extract.load(), 'extract', PAGE);
    expect(status).toBe(0);
    const record = JSON.parse(stdout) as { roles: Array<{ title: string; yearlySalary: number }> };
    expect(record.roles.map((r) => [r.title, r.yearlySalary])).toEqual([
      ['Collections Coordinator', 37938],
      ['Account Specialist', 42586],
    ]);
    expect([...loaded]).toEqual([]);
  });

  it('loads the MIME reader for a page saved as .mhtml, and the archive reader for a web archive', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolepages-startup-'));
    const html = readFileSync(PAGE);
    writeFileSync(join(dir, 'page.mhtml'), mhtmlOf(html, { url: URL_005, date: 'Mon, 15 Jan 2024 10:30:00 -0000' }));
    writeFileSync(join(dir, 'crawl.warc'), warcOf(html));
    const { extractFile } = await import('../../src/extract/extractFile.js');
    const { extractArchive } = await import('../../src/extract/extractArchive.js');

    const saved = await extractFile(join(dir, 'page.mhtml'));
    expect(saved).toMatchObject({ source: { url: URL_005 }, roles: [{ yearlySalary: 37938 }, { yearlySalary: 42586 }] });
    expect([...loaded]).toEqual(['postal-mime']);

    const crawled = [];
    for await (const record of extractArchive(join(dir, 'crawl.warc'))) crawled.push(record);
    expect(crawled).toMatchObject([{ source: { url: URL_005 }, roles: [{ yearlySalary: 37938 }, { yearlySalary: 42586 }] }]);
    expect([...loaded]).toEqual(['postal-mime', 'warcio']);
  });
});
