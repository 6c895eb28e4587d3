import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageError } from '../../../src/errors.js';
import { extractFile } from '../../../src/extract/extractFile.js';
import { ingest } from '../../../src/ingest/ingest.js';
import { readSaveComment } from '../../../src/read/saved/saveComment.js';
import { unwrapSavedPage } from '../../../src/read/saved/savedPage.js';
import { RoleStore } from '../../../src/store/roleStore.js';
import { mhtmlOf } from '../../support/mhtmlFile.js';
import { FIXTURES } from '../../support/seeds.js';

const HTML_PATH = join(FIXTURES, '005_61d26842a8aa7f89_table.html');
const HTML = readFileSync(HTML_PATH);
const URL_005 = 'https://www.zippia.com/collections-coordinator-jobs/collections-coordinator-vs-account-specialist/';
const encode = (text: string) => new TextEncoder().encode(text);

describe('a page saved as .mhtml', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rolepages-mhtml-'));
  const mhtml = join(dir, 'Collections Coordinator vs Account Specialist.mhtml');
  writeFileSync(mhtml, mhtmlOf(HTML, { url: `${URL_005}?utm_source=saved`, date: 'Mon, 15 Jan 2024 10:30:00 -0000' }));

  it('extracts to the same roles as the same page saved as .html, with the URL it was saved from', async () => {
    const fromMhtml = await extractFile(mhtml);
    const fromHtml = await extractFile(HTML_PATH);
    if (fromMhtml instanceof PageError || fromHtml instanceof PageError) throw new Error('expected both to extract');
    expect(fromMhtml.roles).toEqual(fromHtml.roles);
    expect(fromMhtml.roles[0]!.yearlySalary).toBe(37938);
    expect(fromMhtml.warnings).toEqual(fromHtml.warnings);
    expect(fromMhtml.source).toMatchObject({ path: mhtml, format: 'html', layout: 'table', url: `${URL_005}?utm_source=saved` });
  });

  it('is a capture at the message’s Date, of the page its Snapshot-Content-Location names', async () => {
    const db = join(dir, 'roles.db');
    expect(await ingest(db, [dir], { concurrency: 0 })).toMatchObject({ stored: 1, failed: [] });
    const store = RoleStore.open(db);
    try {
      expect(store.db.prepare('SELECT url, page_key, captured_at, time_source FROM pages').all()).toEqual([
        { url: `${URL_005}?utm_source=saved`, page_key: 'collections-coordinator-vs-account-specialist', captured_at: '2024-01-15T10:30:00.000Z', time_source: 'page' },
      ]);
    } finally {
      store.close();
    }
  });

  it('gives the HTML part, decoded from quoted-printable and its charset, as UTF-8 with a byte order mark', async () => {
    // The page's bytes are windows-1252, as it says: é is the one byte 0xE9.
    const html = Buffer.from('<html><head><meta charset="windows-1252"></head><body>Café Manager vs Chef</body></html>', 'latin1');
    const page = await unwrapSavedPage(encode(mhtmlOf(html, { url: 'https://x.test/a-vs-b/', date: 'Tue, 02 Jul 2024 08:00:00 +0200' })), 'café.mhtml');
    expect(page.bytes.subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(new TextDecoder().decode(page.bytes)).toBe('<html><head><meta charset="windows-1252"></head><body>Café Manager vs Chef</body></html>');
    expect(page.savedAt).toBe('2024-07-02T06:00:00.000Z');
  });
});

describe('the comment a saving tool leaves at the top of a page', () => {
  it('gives SingleFile’s URL and saved date', () => {
    const head = `<!DOCTYPE html> <html lang="en"><!--\n Page saved with SingleFile \n url: ${URL_005} \n saved date: Mon Jan 15 2024 10:30:00 GMT+0100 (Central European Standard Time)\n--><head>`;
    expect(readSaveComment(encode(head))).toEqual({ url: URL_005, savedAt: '2024-01-15T09:30:00.000Z' });
  });

  it('gives the URL of Chrome’s "Webpage, HTML only", which states no date', () => {
    expect(readSaveComment(encode(`<!DOCTYPE html>\n<!-- saved from url=(0098)${URL_005} -->\n<html>`))).toEqual({ url: URL_005, savedAt: null });
  });

  it('finds nothing in a page saved without one', () => {
    expect(readSaveComment(HTML)).toBeNull();
  });

  it('dates a SingleFile save by its comment when ingested', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolepages-singlefile-'));
    const text = HTML.toString('utf8').replace('<head>', `<!--\n Page saved with SingleFile \n url: ${URL_005} \n saved date: Mon Jan 15 2024 10:30:00 GMT+0000 (Coordinated Universal Time)\n--><head>`);
    writeFileSync(join(dir, 'saved.html'), text);
    const db = join(dir, 'roles.db');
    await ingest(db, [dir], { concurrency: 0 });
    const store = RoleStore.open(db);
    try {
      expect(store.db.prepare('SELECT url, captured_at, time_source FROM pages').get()).toEqual({ url: URL_005, captured_at: '2024-01-15T10:30:00.000Z', time_source: 'page' });
    } finally {
      store.close();
    }
  });
});
