import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const WGET_CRAWL = fileURLToPath(new URL('../archives/wget-crawl.warc.gz', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('rolepages with web archives', () => {
  it('ingest of a crawl cut short stores the pages before the cut, names the archive and the offset, exits 1; the whole crawl then finishes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolepages-cli-warc-'));
    const whole = readFileSync(WGET_CRAWL);
    const archive = join(dir, 'crawl.warc.gz');
    // Inside the third page's gzip member.
    writeFileSync(archive, whole.subarray(0, Math.floor(whole.byteLength * 0.85)));
    const db = join(dir, 'roles.db');
    const cut = run('ingest', archive, '--db', db, '--quiet');
    expect(cut.status).toBe(1);
    expect(cut.stderr).toMatch(new RegExp(`^rolepages ingest: ${archive.replace(/[.]/g, '\\.')}: the archive is cut short or damaged at byte \\d+ \\(unexpected end of file\\); the records before it are stored, and a run on the whole archive stores the rest\\n$`));
    expect(cut.stdout).toBe('2 files stored, 0 skipped, 1 failed; 3 roles from 2 pages (2 captures); 0 conflicting fields; 8 archive records passed over (not comparison pages)\n');

    writeFileSync(archive, whole);
    const again = run('ingest', archive, '--db', db, '--quiet');
    expect([again.status, again.stderr]).toEqual([0, '']);
    expect(again.stdout).toBe('1 file stored, 2 skipped, 0 failed; 5 roles from 3 pages (3 captures); 0 conflicting fields; 10 archive records passed over (not comparison pages)\n');
  });
});
