import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { extractPage } from '../../src/extract/extractPage.js';
import { DEFAULT_MAX_PAGE_BYTES, readPage } from '../../src/read/readPage.js';
import { readHtml } from '../../src/read/html/readHtml.js';
import { FIXTURES } from '../support/seeds.js';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const FIXTURE = '005_61d26842a8aa7f89_table.html';
const ROWS = 200_000;

/** Fixture 005 with `extra` put just before its `</body>`. */
function fixtureWith(extra: string): string {
  const page = readFileSync(join(FIXTURES, FIXTURE), 'utf8');
  const at = page.lastIndexOf('</body>');
  return page.slice(0, at) + extra + page.slice(at);
}

/** What the fixture's record holds apart from where it came from. */
const expected = JSON.parse(readFileSync(join(FIXTURES, `${FIXTURE}.expected.json`), 'utf8')) as { roles: unknown; warnings: unknown };

const dir = mkdtempSync(join(tmpdir(), 'rolepages-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a page with a table of 200,000 rows, under the size cap', () => {
  const path = join(dir, 'long-table.html');
  const html = fixtureWith(`<table>${'<tr><td>a</td></tr>'.repeat(ROWS)}</table>`);
  writeFileSync(path, html);

  it('is under the size cap, so it must be read', () => {
    expect(Buffer.byteLength(html)).toBeLessThan(DEFAULT_MAX_PAGE_BYTES);
  });

  it('is extracted by the library with the same roles and warnings as the page without it', async () => {
    const page = await readPage(path);
    const record = extractPage(page.document, { path, sha256: page.sha256 });
    expect(record.roles).toEqual(expected.roles);
    expect(record.warnings).toEqual(expected.warnings);
  });

  it('is extracted by `rolepages extract` with the same roles and warnings', () => {
    const { status, stdout, stderr } = spawnSync(process.execPath, [CLI, 'extract', path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const record = JSON.parse(stdout) as typeof expected;
    expect(record.roles).toEqual(expected.roles);
    expect(record.warnings).toEqual(expected.warnings);
  });

  it('is stored by `rolepages ingest`, on the worker pool, with those roles', () => {
    const db = join(dir, 'roles.db');
    const { status, stdout, stderr } = spawnSync(process.execPath, [CLI, 'ingest', path, '--db', db, '--quiet', '--concurrency', '2'], { encoding: 'utf8' });
    expect([status, stderr]).toEqual([0, '']);
    expect(stdout).toBe('1 file stored, 0 skipped, 0 failed; 2 roles from 1 page (1 capture); 0 conflicting fields\n');
  });
});

describe('a grid of 200,000 rows', () => {
  it('is read as one table of all its rows', () => {
    const row = '<div><span>Yearly salary</span><span>$1</span><span>$2</span></div>';
    const doc = readHtml(`<main><h1>A vs B</h1><div>${row.repeat(ROWS)}</div></main>`);
    const tables = doc.blocks.filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(1);
    const rows = tables[0]!.kind === 'table' ? tables[0]!.rows : [];
    expect(rows).toHaveLength(ROWS);
    expect(rows[ROWS - 1]).toEqual({ cells: ['Yearly salary', '$1', '$2'] });
  });
});
